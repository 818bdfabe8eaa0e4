import type { ExternalTarget } from '@shared/contract/platform';

/**
 * The only addresses the app ever opens outside itself (docs/SECURITY.md: `openExternal` allow-list).
 * The renderer names a target; it never supplies a URL.
 */
export const EXTERNAL_LINKS: Readonly<Record<ExternalTarget, string>> = {
  messagebird_contact: 'mailto:afas@messagebird.com',
  afas_help: 'https://help.afas.nl/help/NL/SE/App_Cnfg_Sms.htm',
  afas_pocket: 'https://www.afas.nl/pocket',
  nist_sms: 'https://pages.nist.gov/800-63-3/sp800-63b.html#pstnOOB',
};

const ALLOWED = new Set(Object.values(EXTERNAL_LINKS));

/** Second line of defence where the platform opens a URL: only the exact allow-listed strings pass. */
export function isAllowedExternalUrl(url: string): boolean {
  return ALLOWED.has(url);
}
