/** Number, money and country formatting for the test-send page, in the UI language. */

export { formatMoney } from '../../i18n/format';

/** `Netherlands` / `Nederland` for `NL`; the code itself when the runtime has no name for it. */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** `NL, be ,de` → `['NL', 'BE', 'DE']`, or null when any entry is not two letters. */
export function parseCountryList(text: string): string[] | null {
  const entries = text
    .split(/[,;\s]+/)
    .map((entry) => entry.trim().toUpperCase())
    .filter(Boolean);
  if (entries.length === 0 || entries.some((entry) => !/^[A-Z]{2}$/.test(entry))) return null;
  return [...new Set(entries)];
}
