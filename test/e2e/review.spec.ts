// The offline review end to end: three profiles made through the real services (one ready, one confirmed
// in Sandbox, one whose AFAS portal handoff is missing), then the fake MessageBird is stopped and the
// Review page must work from what is on this computer alone.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { FAKE_LIVE_KEY, startFakeMessageBird, type FakeMessageBird } from '../fakes/fake-messagebird';
import { expect, test as base } from './fixtures';
import { startHostProcess, type HostProcess } from './harness/host-process';
import { filesContainingSecrets } from './harness/secrets';

const FIXTURES = fileURLToPath(new URL('../fixtures/user-list', import.meta.url));
const PHONE = '06 12345678';
const PHONE_DIGITS = '31612345678';

interface Expected {
  rowsRead: number;
  users: number;
  counts: Record<string, number>;
  skipped: Array<{ line: number; reason: string }>;
  entries: Array<{ line: number; email: string; participant_numbers: string; status: string }>;
}
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Expected;

const STATUS_NAMES: Record<string, string> = {
  eligible: 'Eligible',
  several_participants: 'Several participant numbers',
  no_active_provider: 'No active provider',
  no_mobile: 'No mobile number',
  invalid_mobile: 'Invalid mobile number',
  duplicate: 'Duplicate',
};

interface Setup {
  host: HostProcess;
  fake: FakeMessageBird;
  /** Every confirmation code that was sent, to prove none of them leaks. */
  codes: string[];
}

/** A fake MessageBird of this test's own, so it can really be stopped, and a host talking to it. */
const test = base.extend<{ setup: Setup }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring form
  setup: async ({}, use) => {
    const fake = await startFakeMessageBird();
    const caFile = join(mkdtempSync(join(tmpdir(), 'review-ca-')), 'ca.pem');
    writeFileSync(caFile, fake.caPem);
    const host = await startHostProcess({ env: { MESSAGEBIRD_CONNECT_TO: `127.0.0.1:${fake.port}`, NODE_EXTRA_CA_CERTS: caFile } });
    const setup: Setup = { host, fake, codes: [] };
    await use(setup);
    const exitCode = await host.stop();
    expect(exitCode, host.output()).toBe(0);
    await fake.close().catch(() => undefined);
  },
});

async function ok<T>(host: HostProcess, method: string, input?: unknown): Promise<T> {
  const result = await host.call<T>(method, input);
  expect(result.ok, `${method}: ${JSON.stringify(result)}`).toBe(true);
  return (result as { ok: true; value: T }).value;
}

const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] ?? '';

/** Details → code → verify → activate through the contract, as the wizard does. */
async function makeProfile(setup: Setup, participantNumber: string, description: string, sandbox: boolean): Promise<string> {
  const { host, fake } = setup;
  const sent = await ok<{ profileId: string; simulatedSms?: { body: string } }>(host, 'startProfileSetup', {
    participantNumber,
    description,
    originator: 'Acme',
    adminPhone: PHONE,
    ...(!sandbox && { apiKey: FAKE_LIVE_KEY }),
    ...(sandbox && { apiKey: 'SandboxKey0123456789abcd' }),
    language: 'en',
  });
  const code = sandbox ? codeIn(sent.simulatedSms?.body ?? '') : codeIn(fake.messages().at(-1)?.body ?? '');
  expect(code).toMatch(/^\d{6}$/);
  setup.codes.push(code);
  await ok(host, 'verifyProfileCode', { id: sent.profileId, code });
  await ok(host, 'activateProfile', { id: sent.profileId, acknowledgeCosts: true });
  return sent.profileId;
}

/** Sandbox 23456, then MessageBird 12345 (marked saved in the AFAS portal) and 34567 (not marked); then the fake stops. */
async function threeProfilesThenOffline(setup: Setup): Promise<void> {
  const { host } = setup;
  await makeProfile(setup, '23456', 'Oefenen', true);
  await ok(host, 'updateSettings', { gatewayMode: 'messagebird' });
  const ready = await makeProfile(setup, '12345', 'Productie', false);
  await ok(host, 'markPortalSaved', { profileId: ready, note: 'Entered by Jan' });
  await makeProfile(setup, '34567', 'Tweede', false);
  await setup.fake.close();
}

async function openReview(page: Page, host: HostProcess): Promise<void> {
  await host.addSessionTo(page.context());
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  await expect(page.getByText('Overall verdict:')).toBeVisible();
}

const check = (profile: Locator, id: string) => profile.locator(`[data-check="${id}"]`);

async function importFile(page: Page, buttonName: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: buttonName }).click();
  await (await chooser).setFiles(file);
}

async function expectCounts(page: Page): Promise<void> {
  const summary = page.getByLabel('Result', { exact: true });
  for (const [status, count] of Object.entries(expected.counts)) {
    await expect(summary.locator(`[data-status="${status}"]`), status).toContainText(String(count));
    await expect(summary.locator(`[data-status="${status}"]`)).toContainText(STATUS_NAMES[status]!);
  }
  const n = (x: number) => new Intl.NumberFormat('en-GB').format(x);
  await expect(page.getByText(`${n(expected.users)} users from ${n(expected.rowsRead)} rows`)).toBeVisible();
  for (const row of expected.skipped) await expect(page.getByText(new RegExp(`^Line ${row.line}: `))).toBeVisible();
}

test.describe('offline review with the fake MessageBird stopped', () => {
  test('readiness: a ready profile, a Sandbox profile and a missing portal handoff get the right verdicts', async ({ page, setup }) => {
    await threeProfilesThenOffline(setup);
    await openReview(page, setup.host);

    // One participant number is ready; the others are shown as not ready, so the whole is ready with warnings.
    await expect(page.locator('.review-overall')).toHaveAttribute('data-verdict', 'warn');
    const ready = page.getByRole('region', { name: 'Participant 12345: Productie' });
    await expect(ready.locator('h3')).not.toContainText('Fail');
    await expect(check(ready, 'portal')).toHaveAttribute('data-verdict', 'pass');
    await expect(check(ready, 'portal')).toContainText('Note: Entered by Jan');
    await expect(check(ready, 'mode')).toHaveAttribute('data-verdict', 'pass');
    await expect(ready.locator('[data-verdict="fail"]')).toHaveCount(0);

    const sandbox = page.getByRole('region', { name: 'Participant 23456: Oefenen' });
    await expect(sandbox.locator('h3')).toContainText('Sandbox');
    await expect(sandbox.locator('h3')).toContainText('Fail');
    await expect(check(sandbox, 'mode')).toHaveAttribute('data-verdict', 'fail');

    const missing = page.getByRole('region', { name: 'Participant 34567: Tweede' });
    await expect(check(missing, 'portal')).toHaveAttribute('data-verdict', 'fail');
    await expect(check(missing, 'portal')).toContainText('Not yet entered in the AFAS Online portal');
    await expect(page.getByRole('note').filter({ hasText: 'AFAS advice' })).toContainText('restricted authenticator');
    // The network being off is no error here.
    await expect(page.getByRole('alert')).toHaveCount(0);

    await missing.getByRole('button', { name: /^Go to Setup: AFAS portal/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Setup' })).toBeVisible();
    await expect(page.getByRole('row', { name: /34567/ })).toContainText('Not yet in the AFAS portal');
    await expect(page.getByRole('row', { name: /23456/ })).toContainText('Sandbox: not for the AFAS portal');

    // The handoff: the portal steps for 34567, marked as saved in the AFAS portal; the review follows.
    await page.getByRole('row', { name: /34567/ }).getByRole('button', { name: /^Actions/ }).click();
    await page.getByRole('menuitem', { name: 'AFAS portal steps' }).click();
    const steps = page.getByRole('region', { name: 'Enter it in the AFAS Online portal: participant 34567' });
    await expect(steps).toContainText('Click SMS-provider, then Nieuw.');
    await expect(steps).toContainText('Tweede');
    await expect(steps).not.toContainText(FAKE_LIVE_KEY);
    await steps.getByLabel('Note (optional)').fill('Done by Piet');
    await steps.getByRole('button', { name: 'Saved in the AFAS portal' }).click();
    await expect(page.getByRole('row', { name: /34567/ })).toContainText('Saved in the AFAS portal on');
    await page.getByRole('navigation').getByRole('button', { name: 'Review' }).click();
    const marked = page.getByRole('region', { name: 'Participant 34567: Tweede' });
    await expect(check(marked, 'portal')).toHaveAttribute('data-verdict', 'pass');
    await expect(check(marked, 'portal')).toContainText('Note: Done by Piet');
  });

  test('user list: the CSV with BOM and the XLSX give the expected statuses and counts, in the UI and the exported CSV', async ({ page, setup }) => {
    await threeProfilesThenOffline(setup);
    await openReview(page, setup.host);

    await importFile(page, 'Import user list', join(FIXTURES, 'users.csv'));
    await expect(page.getByTestId('user-list-file')).toContainText('users.csv (CSV)');
    await expect(page.getByTestId('user-list-file')).toContainText('separator ;');
    await expect(page.getByLabel('E-mail address', { exact: true })).toHaveValue('0');
    await expect(page.getByLabel('Participant number', { exact: true })).toHaveValue('1');
    await expectCounts(page);

    const table = page.getByRole('table', { name: 'Users and their status' });
    await expect(table.getByRole('row', { name: /vast@example\.nl/ })).toContainText('Not a mobile number.');
    await expect(table.getByRole('row', { name: /premium@example\.nl/ })).toContainText('A premium-rate number.');
    await page.getByLabel('Show').selectOption('duplicate');
    await expect(page.getByText(`${expected.counts.duplicate} rows shown`)).toBeVisible();
    await expect(table.locator('[data-status="duplicate"]')).toHaveCount(expected.counts.duplicate!);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export result (CSV)' }).click();
    const csv = readFileSync((await (await downloading).path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('email,participant_numbers,status,reason');
    expect(lines).toHaveLength(expected.entries.length + 1);
    expected.entries.forEach((entry, i) => {
      expect(lines[i + 1]!.startsWith(`${entry.email},${entry.participant_numbers},${entry.status},`), lines[i + 1]).toBe(true);
    });

    await importFile(page, 'Import user list', join(FIXTURES, 'users.xlsx'));
    await expect(page.getByTestId('user-list-file')).toContainText('users.xlsx (XLSX)');
    await expectCounts(page);
  });

  test('review file: round trip without differences, no key, code or full phone number; a damaged file is refused', async ({ page, setup }) => {
    await threeProfilesThenOffline(setup);
    await openReview(page, setup.host);
    await importFile(page, 'Import user list', join(FIXTURES, 'users.csv'));
    await expectCounts(page);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export review file' }).click();
    const file = (await (await downloading).path())!;
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ kind: 'sms-provider-admin/review', schemaVersion: 1 });
    expect(text).not.toContain(FAKE_LIVE_KEY);
    expect(text).not.toContain(PHONE_DIGITS);
    expect(text).not.toContain('jan.jansen@example.nl');
    for (const code of setup.codes) expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));

    const dir = mkdtempSync(join(tmpdir(), 'review-file-'));
    const copy = join(dir, 'review.json');
    writeFileSync(copy, text);
    await importFile(page, 'Open a review file', copy);
    await expect(page.getByText('No differences: the file matches this computer.')).toBeVisible();
    const comparison = page.getByRole('region', { name: 'The review file side by side with this computer' });
    await expect(comparison.locator('tr[data-path="profiles/12345/originator"]')).toContainText('Acme');
    // Every reason is said in words with its values: no placeholder reaches the screen.
    await expect(comparison.locator('tr[data-path="readiness/12345/sender"]')).toContainText('Acme is a valid sender');
    await expect(comparison).not.toContainText('{{');

    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, text.slice(0, Math.floor(text.length / 2)));
    await importFile(page, 'Open a review file', damaged);
    await expect(page.getByRole('alert')).toContainText('Nothing was changed.');
    // The comparison shown before stays: nothing changed.
    await expect(page.getByText('No differences: the file matches this computer.')).toBeVisible();

    expect(filesContainingSecrets(setup.host.dataDir, [FAKE_LIVE_KEY, ...setup.codes])).toEqual([]);
  });
});
