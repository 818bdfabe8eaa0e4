import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeServices, type Services } from '../../../../../src/main/services';
import type { FileToSave, KeyValueStore } from '../../../../../src/main/services/ports';
import { writeFileContent } from '../../../../../src/main/services/file-content';
import { REVIEW_SCHEMA_VERSION, type ReviewFile } from '@shared/review-types';
import { createTestServices, memoryStore } from '../../../../support/test-services';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const FIXTURES = join(__dirname, '../../../../fixtures/user-list');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));

/** A profile as the settings file stores it, active and confirmed with MessageBird unless overridden. */
function storedProfile(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'p-12345',
    participantNumber: '12345',
    description: 'Productie',
    status: 'active',
    active: {
      originator: 'Acme',
      adminPhone: '+31612345678',
      key: { fingerprint: 'a1b2c3d4', kind: 'live', protection: 'os' },
      activatedAt: NOW - 2 * DAY,
      confirmedMode: 'messagebird',
    },
    pending: null,
    lastKeyCheck: { at: NOW - DAY, balance: { payment: 'prepaid', type: 'euros', amount: 56 } },
    portal: { savedAt: NOW - DAY, note: 'ingevoerd door Jan', snapshot: { originator: 'Acme', description: 'Productie', keyFingerprint: 'a1b2c3d4' } },
    createdAt: NOW - 3 * DAY,
    updatedAt: NOW - 2 * DAY,
    ...over,
  };
}

/** A file saver that keeps what it was given, like the host's download. */
function capturingSaver() {
  const saved: Array<{ name: string; content: string }> = [];
  return {
    saved,
    save: async (file: FileToSave) => {
      const chunks: string[] = [];
      await writeFileContent(file, { write: (c) => void chunks.push(typeof c === 'string' ? c : Buffer.from(c).toString('utf8')) });
      saved.push({ name: file.suggestedName, content: chunks.join('') });
      return { status: 'download' as const, url: `/download/${saved.length}` };
    },
  };
}

let services: Services | undefined;
afterEach(async () => {
  if (services) await closeServices(services);
  services = undefined;
});

function start(profiles: Array<Record<string, unknown>>, settings: KeyValueStore = memoryStore()) {
  settings.set('profiles', profiles);
  settings.set('preferences', { gatewayMode: 'messagebird' });
  const saver = capturingSaver();
  services = createTestServices({ settings, clock: { now: () => NOW }, fileSaver: saver });
  return { s: services, saver, settings };
}

function logSend(s: Services, over: { profileId?: string; participantNumber?: string; mode: 'live' | 'test' | 'sandbox'; purpose?: 'test' | 'confirmation' }, outcome: 'delivered' | 'failed' | 'sent', price = 0.056) {
  const id = s.sendLog.appendPending({
    profileId: over.profileId ?? 'p-12345',
    participantNumber: over.participantNumber ?? '12345',
    purpose: over.purpose ?? 'test',
    recipient: '+31687654321',
    originator: 'Acme',
    mode: over.mode,
    parts: 1,
    estimate: { amount: price, currency: 'EUR' },
  });
  if (outcome === 'failed') s.sendLog.markFailed(id, { reason: 'refused', errorCode: 25 });
  else s.sendLog.markSent(id, { messagebirdId: `mb-${id}`, status: outcome, price: { amount: price, currency: 'EUR' } });
  return id;
}

const verdicts = (items: Array<{ id: string; verdict: string; reason: string }>) => Object.fromEntries(items.map((i) => [i.id, `${i.verdict}:${i.reason}`]));

describe('readiness', () => {
  it('a profile set up with MessageBird, handed over to the portal and test-sent is ready', () => {
    const { s } = start([storedProfile()]);
    logSend(s, { mode: 'live' }, 'delivered');
    const r = s.review.readiness();
    const profile = r.profiles[0]!;
    expect(profile).toMatchObject({ sandbox: false, ready: true, verdict: 'pass' });
    expect(verdicts(profile.items)).toEqual({
      mode: 'pass:confirmed_with_messagebird',
      status: 'pass:status_active',
      sender: 'pass:sender_valid',
      sender_destinations: 'warn:sender_alphanumeric_replaced_abroad',
      key: 'pass:key_stored',
      key_protection: 'pass:protection_os',
      key_kind: 'pass:key_live',
      key_check: 'pass:key_checked',
      admin_phone: 'pass:admin_phone_mobile',
      confirmation: 'pass:confirmed_on',
      portal: 'pass:portal_done',
      last_test_send: 'pass:test_send_delivered',
      recent_failures: 'pass:no_recent_failures',
    });
    expect(profile.items.find((i) => i.id === 'admin_phone')!.params).toEqual({ masked: '+31 •••••••78' });
    expect(verdicts(r.general)).toMatchObject({ profiles: 'pass:profiles_ready', gateway_mode: 'pass:gateway_messagebird', afas_advice: 'warn:afas_advice_restricted_authenticator' });
    expect(r.verdict).toBe('pass');
  });

  it('a profile confirmed in Sandbox is never ready, whatever else passes', () => {
    const base = storedProfile();
    const { s } = start([{ ...base, active: { ...(base.active as object), confirmedMode: 'sandbox' } }]);
    logSend(s, { mode: 'live' }, 'delivered');
    const r = s.review.readiness();
    expect(r.profiles[0]).toMatchObject({ sandbox: true, ready: false, verdict: 'fail' });
    expect(verdicts(r.profiles[0]!.items).mode).toBe('fail:confirmed_in_sandbox');
    expect(r.verdict).toBe('fail');
    expect(verdicts(r.general).profiles).toBe('fail:profiles_not_ready');
  });

  it('settings stored before the confirmed mode existed count as Sandbox', () => {
    const base = storedProfile();
    const { confirmedMode: _dropped, ...old } = base.active as Record<string, unknown>;
    const { s } = start([{ ...base, active: old }]);
    expect(s.review.readiness().profiles[0]).toMatchObject({ sandbox: true, ready: false });
  });

  it('a missing portal handoff fails the profile and says where to fix it', () => {
    const { s } = start([storedProfile({ portal: null })]);
    const item = s.review.readiness().profiles[0]!.items.find((i) => i.id === 'portal')!;
    expect(item).toEqual({ id: 'portal', verdict: 'fail', reason: 'portal_not_yet', params: {}, fix: { page: 'setup', profileId: 'p-12345' } });
  });

  it('warns about a test key, a stale key check, failures in the last 30 days and no live test send', () => {
    const base = storedProfile();
    const { s } = start([
      storedProfile({
        active: { ...(base.active as object), key: { fingerprint: 'a1b2c3d4', kind: 'test', protection: 'basic_text' } },
        lastKeyCheck: { at: NOW - 40 * DAY, balance: { payment: 'prepaid', type: 'euros', amount: 56 } },
      }),
    ]);
    logSend(s, { mode: 'sandbox' }, 'delivered');
    logSend(s, { mode: 'live', purpose: 'confirmation' }, 'failed');
    const v = verdicts(s.review.readiness().profiles[0]!.items);
    expect(v).toMatchObject({
      key_kind: 'fail:key_test',
      key_protection: 'warn:protection_basic_text',
      key_check: 'warn:key_checked_long_ago',
      last_test_send: 'warn:test_send_sandbox_only',
      recent_failures: 'warn:recent_failures',
    });
  });

  it('works without any profile, and says so', () => {
    const { s } = start([]);
    const r = s.review.readiness();
    expect(r.profiles).toEqual([]);
    expect(verdicts(r.general).profiles).toBe('fail:profiles_none');
    expect(r.verdict).toBe('fail');
  });
});

describe('portal handoff', () => {
  it('marks, shows a later change of the sender as changed since, and undoes', () => {
    const { s } = start([storedProfile({ portal: null })]);
    const marked = s.review.markPortalSaved('p-12345', '  door Jan  ');
    expect(marked).toMatchObject({ ok: true, value: { portal: { state: 'done', savedAt: NOW, note: 'door Jan' } } });
    const profiles = services!.deps.settings.get('profiles') as Array<Record<string, unknown>>;
    const base = profiles[0]!;
    services!.deps.settings.set('profiles', [{ ...base, active: { ...(base.active as object), originator: 'Acme BV' } }]);
    expect(s.profiles.get('p-12345')!.portal.state).toBe('changed_since');
    expect(s.review.clearPortalSaved('p-12345')).toMatchObject({ ok: true, value: { portal: { state: 'not_yet', savedAt: null } } });
  });

  it('refuses a profile without settings in effect, and an unknown one', () => {
    const { s } = start([storedProfile({ id: 'draft-1', status: 'draft', active: null, portal: null })]);
    expect(s.review.markPortalSaved('draft-1')).toMatchObject({ ok: false, error: { code: 'not_active' } });
    expect(s.review.markPortalSaved('nope')).toMatchObject({ ok: false, error: { code: 'profile_not_found' } });
  });

  it('refuses settings confirmed in Sandbox: there is nothing real to enter in the portal', () => {
    const base = storedProfile({ portal: null });
    const { s } = start([{ ...base, active: { ...(base.active as object), confirmedMode: 'sandbox' } }]);
    expect(s.review.markPortalSaved('p-12345')).toMatchObject({ ok: false, error: { code: 'confirmed_in_sandbox' } });
    expect(s.profiles.get('p-12345')!.portal.state).toBe('not_yet');
  });
});

describe('user list through the service', () => {
  for (const file of ['users.csv', 'users.xlsx']) {
    it(`${file} gives the expected statuses, counts and CSV export`, async () => {
      const { s, saver } = start([storedProfile(), storedProfile({ id: 'p-23456', participantNumber: '23456', active: { ...(storedProfile().active as object), confirmedMode: 'sandbox' } })]);
      const content = readFileSync(join(FIXTURES, file));
      const imported = await s.review.importUserList({ source: 'upload', fileName: file, contentBase64: content.toString('base64') });
      if (!imported.ok || imported.value.status !== 'imported') throw new Error(JSON.stringify(imported));
      const list = imported.value.list;
      expect(list.headers).toEqual(expected.headers);
      expect(list.mapping).toEqual(expected.mapping);
      expect(list.summary).toEqual({ users: expected.users, counts: expected.counts, rowsRead: expected.rowsRead, skippedRows: expected.skipped.length });
      expect(list.skipped).toEqual(expected.skipped);
      const page = s.review.eligibilityRows(list.importId, { offset: 0, limit: 100 });
      if (!page.ok) throw new Error('no rows');
      expect(page.value.rows.map((r) => ({ line: r.line, email: r.email, status: r.status }))).toEqual(
        expected.entries.map((e: { line: number; email: string; status: string }) => ({ line: e.line, email: e.email, status: e.status })),
      );
      // Numbers leave main masked only.
      expect(JSON.stringify(page.value)).not.toMatch(/0612345678|612345678|31612340000/);

      const exported = await s.review.exportEligibilityCsv(list.importId, 'en');
      expect(exported).toMatchObject({ ok: true, value: { status: 'download', rows: expected.entries.length } });
      const lines = saver.saved[0]!.content.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]).toBe('email,participant_numbers,status,reason');
      expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(
        expected.entries.map((e: { email: string; participant_numbers: string; status: string }) => `${e.email},${e.participant_numbers},${e.status}`),
      );
    });
  }

  it('filters by status and searches, and follows a profile that becomes active', async () => {
    const settings = memoryStore();
    const { s } = start([storedProfile()], settings);
    const content = readFileSync(join(FIXTURES, 'users.csv'));
    const imported = await s.review.importUserList({ source: 'upload', fileName: 'users.csv', contentBase64: content.toString('base64') });
    if (!imported.ok || imported.value.status !== 'imported') throw new Error('import failed');
    const id = imported.value.list.importId;
    const invalid = s.review.eligibilityRows(id, { offset: 0, limit: 10, status: 'invalid_mobile' });
    expect(invalid.ok && invalid.value.rows.map((r) => r.details.issue)).toEqual(['not_mobile', 'premium_rate']);
    const search = s.review.eligibilityRows(id, { offset: 0, limit: 10, search: 'PIET' });
    expect(search.ok && search.value.total).toBe(2);
    settings.set('profiles', [storedProfile(), storedProfile({ id: 'p-23456', participantNumber: '23456' })]);
    expect(s.review.userLists.current()!.summary.counts).toMatchObject({ no_active_provider: 0, eligible: 5 });
  });

  it('keeps the list with masked numbers only, restores it after a restart, and clears it', async () => {
    const settings = memoryStore();
    const { s } = start([storedProfile()], settings);
    const content = readFileSync(join(FIXTURES, 'users.csv'));
    const imported = await s.review.importUserList({ source: 'upload', fileName: 'users.csv', contentBase64: content.toString('base64') });
    if (!imported.ok || imported.value.status !== 'imported') throw new Error('import failed');
    const kept = s.review.userLists.keep(imported.value.list.importId)!;
    expect(kept.kept).toBe(true);
    const dataDir = s.deps.dataDir;
    const file = readFileSync(join(dataDir, 'user-list.json'), 'utf8');
    expect(file).not.toMatch(/0612345678|\+31612345678|23456789|31612340000/);
    await closeServices(s);
    services = createTestServices({ dataDir, settings, clock: { now: () => NOW } });
    const restored = services.review.userLists.current()!;
    // Everything the admin saw comes back: file name, format, columns and mapping, counts, skipped rows.
    expect(restored).toEqual(kept);
    expect(services.review.userLists.clear()).toBe(true);
    expect(services.review.userLists.current()).toBeNull();
    expect(readdirSync(dataDir)).not.toContain('user-list.json');
  });

  it('refuses an upload over the size cap and a dialog the browser host does not have', async () => {
    const { s } = start([]);
    expect(await s.review.importUserList({ source: 'dialog' })).toMatchObject({ ok: false, error: { code: 'not_available_in_browser' } });
  });
});

describe('cost', () => {
  it('estimates from the eligible users of the list and the AFAS quote, and covers the balance', async () => {
    const { s } = start([storedProfile()]);
    const r = s.review.estimateCost({ eligibleUsers: 100, loginsPerUserPerMonth: 20 });
    expect(r.input).toEqual({ eligibleUsers: 100, loginsPerUserPerMonth: 20, partsPerMessage: 1, pricePerPart: 0.056, country: 'NL', priceDate: '2021-09' });
    expect(r).toMatchObject({ messagesPerMonth: 2000, partsPerMonth: 2000, monthly: 112, yearly: 1344, smsCoveredByBalance: 1000, monthsCoveredByBalance: 0.5 });
    // Remembered for the next estimate and the review file.
    expect(s.review.estimateCost().input.loginsPerUserPerMonth).toBe(20);
  });

  it('history counts live sends only: not Sandbox, not test keys, not sends that never left', () => {
    const { s } = start([storedProfile()]);
    logSend(s, { mode: 'live' }, 'delivered', 0.056);
    logSend(s, { mode: 'live' }, 'sent', 0.06);
    logSend(s, { mode: 'live' }, 'failed', 0.056);
    logSend(s, { mode: 'sandbox' }, 'delivered', 0.056);
    logSend(s, { mode: 'test' }, 'sent', 0.056);
    const h = s.review.costHistory();
    expect(h.months).toEqual([{ month: '2026-11', count: 2, parts: 2, cost: 0.116, includesEstimates: false }]);
    expect(h.profiles).toEqual([
      { profileId: 'p-12345', participantNumber: '12345', months: h.months, total: { month: '', count: 2, parts: 2, cost: 0.116, includesEstimates: false } },
    ]);
    expect(h.total).toEqual({ count: 2, parts: 2, cost: 0.116, includesEstimates: false });
  });
});

describe('review file', () => {
  async function exported(s: Services, saver: ReturnType<typeof capturingSaver>, includeEmails = false) {
    expect(await s.review.exportReviewFile(includeEmails)).toMatchObject({ ok: true, value: { status: 'download' } });
    return saver.saved.at(-1)!.content;
  }
  const upload = (text: string) => ({ source: 'upload' as const, fileName: 'review.json', contentBase64: Buffer.from(text).toString('base64') });

  it('round-trips with no differences and holds no key, code or full phone number', async () => {
    const { s, saver } = start([storedProfile()]);
    const content = readFileSync(join(FIXTURES, 'users.csv'));
    await s.review.importUserList({ source: 'upload', fileName: 'users.csv', contentBase64: content.toString('base64') });
    const text = await exported(s, saver);
    expect(text).not.toMatch(/\+31612345678|0612345678|31612345678/);
    expect(text).not.toContain('jan.jansen@example.nl');
    const parsed = JSON.parse(text) as ReviewFile;
    expect(parsed.schemaVersion).toBe(REVIEW_SCHEMA_VERSION);
    expect(parsed.profiles[0]).toMatchObject({ keyFingerprint: 'a1b2c3d4', keyProtection: 'os', adminPhoneMasked: '+31 •••••••78' });
    expect(parsed.eligibility).toMatchObject({ counts: { eligible: 4 } });
    const back = await s.review.importReviewFile(upload(text));
    expect(back).toMatchObject({ ok: true, value: { status: 'imported', differences: [] } });
    if (back.ok && back.value.status === 'imported') expect(back.value.ours.profiles).toEqual(back.value.review.profiles);
  });

  it('shows a changed setup as differences, and holds e-mail addresses only when asked', async () => {
    const { s, saver, settings } = start([storedProfile()]);
    const text = await exported(s, saver, true);
    const base = storedProfile();
    settings.set('profiles', [{ ...base, active: { ...(base.active as object), originator: 'Acme BV' } }]);
    const back = await s.review.importReviewFile(upload(text));
    if (!back.ok || back.value.status !== 'imported') throw new Error('refused');
    expect(back.value.differences).toContainEqual({ path: 'profiles/12345/originator', theirs: 'Acme', ours: 'Acme BV' });
    expect(back.value.differences).toContainEqual({ path: 'profiles/12345/portal', theirs: 'done', ours: 'changed_since' });
  });

  it('refuses a damaged file, one from a newer version and one that is no review file, and changes nothing', async () => {
    const { s, saver, settings } = start([storedProfile()]);
    const text = await exported(s, saver);
    const before = JSON.stringify(settings.get('profiles'));
    const newer = JSON.stringify({ ...JSON.parse(text), schemaVersion: REVIEW_SCHEMA_VERSION + 1 });
    const broken = JSON.stringify({ ...JSON.parse(text), profiles: 'none' });
    expect(await s.review.importReviewFile(upload(text.slice(0, 200)))).toMatchObject({ ok: false, error: { code: 'review_file_damaged' } });
    expect(await s.review.importReviewFile(upload(broken))).toMatchObject({ ok: false, error: { code: 'review_file_damaged', details: { path: 'profiles' } } });
    expect(await s.review.importReviewFile(upload(newer))).toMatchObject({
      ok: false,
      error: { code: 'review_file_too_new', details: { schemaVersion: REVIEW_SCHEMA_VERSION + 1, supported: REVIEW_SCHEMA_VERSION } },
    });
    expect(await s.review.importReviewFile(upload('{"hello":"world"}'))).toMatchObject({ ok: false, error: { code: 'not_a_review_file' } });
    expect(await s.review.importReviewFile(upload('[1,2]'))).toMatchObject({ ok: false, error: { code: 'not_a_review_file' } });
    expect(JSON.stringify(settings.get('profiles'))).toBe(before);
  });

  it('the PDF report is for the desktop app; the browser host prints the page', async () => {
    const { s } = start([]);
    expect(await s.review.saveReportPdf()).toMatchObject({ ok: false, error: { code: 'not_available_in_browser' } });
  });
});
