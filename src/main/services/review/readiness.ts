/**
 * The readiness checklist of the Review page: per profile and for the installation, each item pass /
 * warn / fail with a reason code and where to fix it. Computed from the settings and the send log only:
 * no MessageBird call, so it answers the same with the network off.
 */
import type { TestSendSettings } from '@shared/contract/test-send';
import { DAILY_CAP_DEFAULT } from '@shared/contract/test-send';
import type { SendLogFilter, SendLogRow, SendLogTotals } from '@shared/send-log-types';
import {
  ADVISORY_CHECK_IDS,
  type GeneralCheckId,
  type ProfileCheckId,
  type ProfileReadiness,
  type Readiness,
  type ReadinessItem,
  type ReadinessReason,
  type Verdict,
} from '@shared/review-types';
import type { GatewayMode } from '@shared/settings';
import { parseOriginator } from '@shared/rules/originator';
import { maskPhone, parseMobile } from '@shared/rules/phone';
import type { StoredProfile } from '../profiles/profile-store';
import { portalHandoff } from './portal-handoff';

const DAY_MS = 86_400_000;
/** A key check older than this is stale: the balance may have run out since. */
export const KEY_CHECK_STALE_DAYS = 30;
export const FAILURE_WINDOW_DAYS = 30;
/** Below this a balance may not last a busy month of login codes. */
const LOW_BALANCE: Readonly<Record<string, number>> = { euros: 10, credits: 100 };
/** A log kept longer than this holds more personal data than a review needs. */
export const RETENTION_LONG_DAYS = 365;
/** Statuses that mean a message did not reach the phone (or may not have). */
export const FAILED_STATUSES = ['failed', 'delivery_failed', 'expired', 'unknown'] as const;

export interface ReadinessSources {
  now: number;
  gatewayMode: GatewayMode;
  retentionDays: number;
  testSend: TestSendSettings;
  profiles: StoredProfile[];
  /** Newest row for the filter, or null. */
  newestRow(filter: SendLogFilter): SendLogRow | null;
  totals(filter: SendLogFilter): SendLogTotals;
}

/** The mode the settings in effect were confirmed in; data from before the field existed counts as Sandbox. */
export function confirmedModeOf(p: StoredProfile): GatewayMode | null {
  if (!p.active) return null;
  const mode = (p.active as { confirmedMode?: unknown }).confirmedMode;
  return mode === 'messagebird' ? 'messagebird' : 'sandbox';
}

/** An active profile, with a key, confirmed with MessageBird: the only kind that can serve AFAS logins. */
export function servesLogins(p: StoredProfile): boolean {
  return p.status === 'active' && Boolean(p.active?.key) && confirmedModeOf(p) === 'messagebird';
}

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };
export function worst(verdicts: Iterable<Verdict>): Verdict {
  let result: Verdict = 'pass';
  for (const v of verdicts) if (RANK[v] > RANK[result]) result = v;
  return result;
}

function item<Id extends string>(
  id: Id,
  verdict: Verdict,
  reason: ReadinessReason,
  params: Record<string, string | number> = {},
  fix: ReadinessItem['fix'] = null,
): ReadinessItem<Id> {
  return { id, verdict, reason, params, fix };
}

export function profileReadiness(src: ReadinessSources, p: StoredProfile): ProfileReadiness {
  const fixSetup = { page: 'setup' as const, profileId: p.id };
  const items: ReadinessItem<ProfileCheckId>[] = [];
  const active = p.active;
  const mode = confirmedModeOf(p);

  items.push(
    !active
      ? item('mode', 'fail', 'not_confirmed', {}, fixSetup)
      : mode === 'messagebird'
        ? item('mode', 'pass', 'confirmed_with_messagebird')
        : item('mode', 'fail', 'confirmed_in_sandbox', {}, fixSetup),
  );
  items.push(
    p.status === 'active'
      ? item('status', 'pass', 'status_active')
      : item('status', 'fail', p.status === 'draft' ? 'status_draft' : p.status === 'disabled' ? 'status_disabled' : 'status_awaiting_confirmation', {}, fixSetup),
  );

  const originator = active?.originator ?? p.pending?.originator ?? null;
  if (originator === null) items.push(item('sender', 'fail', 'sender_missing', {}, fixSetup));
  else {
    const parsed = parseOriginator(originator);
    if (!parsed.ok) items.push(item('sender', 'fail', 'sender_invalid', { originator, issue: parsed.issue }, fixSetup));
    else {
      items.push(item('sender', 'pass', 'sender_valid', { originator: parsed.value.value, kind: parsed.value.kind }));
      items.push(
        parsed.value.kind === 'alphanumeric'
          ? item('sender_destinations', 'warn', 'sender_alphanumeric_replaced_abroad', { originator: parsed.value.value })
          : item('sender_destinations', 'warn', 'sender_numeric_own_number', { originator: parsed.value.value }),
      );
    }
  }

  const key = active?.key ?? null;
  if (!key) items.push(item('key', 'fail', 'key_missing', {}, fixSetup));
  else {
    items.push(item('key', 'pass', 'key_stored', { fingerprint: key.fingerprint }));
    const protection = {
      os: item('key_protection', 'pass', 'protection_os'),
      basic_text: item('key_protection', 'warn', 'protection_basic_text', {}, { page: 'settings' }),
      host_file: item('key_protection', 'warn', 'protection_host_file'),
      unavailable: item('key_protection', 'fail', 'protection_unavailable', {}, { page: 'settings' }),
    } as const;
    items.push(protection[key.protection]);
    items.push(key.kind === 'live' ? item('key_kind', 'pass', 'key_live') : item('key_kind', 'fail', 'key_test', {}, fixSetup));
  }

  const check = p.lastKeyCheck;
  if (!check) items.push(item('key_check', 'warn', 'key_never_checked', {}, fixSetup));
  else {
    const params = { at: check.at, amount: check.balance.amount, type: check.balance.type };
    const days = Math.floor((src.now - check.at) / DAY_MS);
    const low = LOW_BALANCE[check.balance.type];
    if (days > KEY_CHECK_STALE_DAYS) items.push(item('key_check', 'warn', 'key_checked_long_ago', { ...params, days }, fixSetup));
    else if (low !== undefined && check.balance.amount < low) items.push(item('key_check', 'warn', 'balance_low', params, fixSetup));
    else items.push(item('key_check', 'pass', 'key_checked', params));
  }

  if (!active) {
    items.push(item('admin_phone', 'fail', 'admin_phone_missing', {}, fixSetup));
    items.push(item('confirmation', 'fail', 'not_confirmed', {}, fixSetup));
  } else {
    const masked = maskPhone(active.adminPhone);
    items.push(
      parseMobile(active.adminPhone).ok
        ? item('admin_phone', 'pass', 'admin_phone_mobile', { masked })
        : item('admin_phone', 'warn', 'admin_phone_not_mobile', { masked }, fixSetup),
    );
    items.push(
      p.pending
        ? item('confirmation', 'warn', 'change_pending', { at: p.pending.savedAt, confirmedAt: active.activatedAt, masked }, fixSetup)
        : item('confirmation', 'pass', 'confirmed_on', { at: active.activatedAt, masked }),
    );
  }

  const portal = portalHandoff(p);
  if (portal.state === 'done') items.push(item('portal', 'pass', 'portal_done', { at: portal.savedAt ?? 0, ...(portal.note ? { note: portal.note } : {}) }));
  else if (portal.state === 'changed_since') items.push(item('portal', 'fail', 'portal_changed_since', { at: portal.savedAt ?? 0 }, fixSetup));
  else items.push(item('portal', 'fail', 'portal_not_yet', {}, fixSetup));

  items.push(lastTestSend(src, p.id));

  const failures = src.totals({ profileId: p.id, statuses: [...FAILED_STATUSES], from: src.now - FAILURE_WINDOW_DAYS * DAY_MS }).count;
  items.push(
    failures === 0
      ? item('recent_failures', 'pass', 'no_recent_failures', { days: FAILURE_WINDOW_DAYS })
      : item('recent_failures', 'warn', 'recent_failures', { count: failures, days: FAILURE_WINDOW_DAYS }, { page: 'sendLog', profileId: p.id }),
  );

  const verdict = worst(items.filter((i) => !ADVISORY_CHECK_IDS.includes(i.id)).map((i) => i.verdict));
  return {
    profileId: p.id,
    participantNumber: p.participantNumber,
    description: p.description,
    sandbox: mode !== 'messagebird',
    ready: verdict !== 'fail',
    verdict,
    items,
  };
}

function lastTestSend(src: ReadinessSources, profileId: string): ReadinessItem<ProfileCheckId> {
  const fix = { page: 'testSend' as const, profileId };
  const live = src.newestRow({ profileId, purpose: 'test', mode: 'live' });
  if (live) {
    return live.status === 'delivered'
      ? item('last_test_send', 'pass', 'test_send_delivered', { at: live.createdAt })
      : item('last_test_send', 'warn', 'test_send_not_delivered', { at: live.createdAt, status: live.status }, fix);
  }
  const any = src.newestRow({ profileId, purpose: 'test' });
  if (any) return item('last_test_send', 'warn', 'test_send_sandbox_only', { at: any.createdAt, mode: any.mode }, fix);
  return item('last_test_send', 'warn', 'test_send_none', {}, fix);
}

export function generalReadiness(src: ReadinessSources, profiles: ProfileReadiness[]): ReadinessItem<GeneralCheckId>[] {
  const ready = profiles.filter((p) => p.ready).length;
  const total = profiles.length;
  const fixSetup = { page: 'setup' as const };
  const items: ReadinessItem<GeneralCheckId>[] = [];
  if (total === 0) items.push(item('profiles', 'fail', 'profiles_none', {}, fixSetup));
  else if (ready === 0) items.push(item('profiles', 'fail', 'profiles_not_ready', { ready, total }, fixSetup));
  else if (ready < total) items.push(item('profiles', 'warn', 'profiles_not_ready', { ready, total }, fixSetup));
  else items.push(item('profiles', 'pass', 'profiles_ready', { ready, total }));

  items.push(
    src.gatewayMode === 'messagebird'
      ? item('gateway_mode', 'pass', 'gateway_messagebird')
      : item('gateway_mode', 'warn', 'gateway_sandbox', {}, { page: 'settings' }),
  );

  const { dailyCap, allowedCountries } = src.testSend;
  const guards = { dailyCap, countries: allowedCountries.join(', ') };
  items.push(
    dailyCap > DAILY_CAP_DEFAULT * 2 || allowedCountries.length > 10
      ? item('cost_guards', 'warn', 'cost_guards_wide', guards, { page: 'testSend' })
      : item('cost_guards', 'pass', 'cost_guards_set', guards),
  );

  items.push(
    src.retentionDays > RETENTION_LONG_DAYS
      ? item('retention', 'warn', 'retention_long', { days: src.retentionDays }, { page: 'sendLog' })
      : item('retention', 'pass', 'retention_days', { days: src.retentionDays }),
  );

  // Always shown: AFAS advises against SMS login (a restricted authenticator) in favour of AFAS Pocket or SSO.
  items.push(item('afas_advice', 'warn', 'afas_advice_restricted_authenticator'));
  return items;
}

/**
 * The whole checklist. The overall verdict is `fail` when no profile is ready, else the worst of the
 * ready profiles and the general items; advisory items are shown but not counted (ADVISORY_CHECK_IDS).
 */
export function readiness(src: ReadinessSources): Readiness {
  const profiles = src.profiles.map((p) => profileReadiness(src, p));
  const general = generalReadiness(src, profiles);
  const counted = [
    ...general.filter((i) => !ADVISORY_CHECK_IDS.includes(i.id)).map((i) => i.verdict),
    ...profiles.filter((p) => p.ready).map((p) => p.verdict),
  ];
  return { verdict: worst(counted), checkedAt: src.now, gatewayMode: src.gatewayMode, profiles, general };
}
