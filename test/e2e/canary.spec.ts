// docs/SECURITY.md: "A canary-key test runs every flow with a unique key and then searches the data folder,
// all output, all IPC replies and every exported file for it (and for confirmation codes)."
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, useMessageBird } from './fixtures';
import { filesContainingSecrets } from './harness/secrets';

const RECIPIENT = '+31612345678';
const ADMIN_PHONE = '+31687654321';
const codeIn = (body: string | undefined) => /\b\d{6}\b/.exec(body ?? '')?.[0];

test('a unique key and every code stay out of the data folder, the output, IPC replies and exports', async ({ page, host, fake }) => {
  test.setTimeout(90_000);
  const canaryKey = `Canary${randomBytes(10).toString('hex')}`;
  fake.setKey(canaryKey, { balance: { payment: 'prepaid', type: 'euros', amount: 25 } });
  fake.autoDeliverAfterMs = 300;
  await useMessageBird(host);

  // Every contract reply, whether the renderer or this test asked.
  const replies: string[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) {
      void response.text().then((text) => replies.push(text), () => {});
    }
  });
  const call = async (method: string, input?: unknown) => {
    const result = await host.call(method, input);
    replies.push(JSON.stringify(result));
    return result;
  };

  // 1. The connection test in Settings.
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('MessageBird API key').fill(canaryKey);
  await page.getByRole('button', { name: 'Check key' }).click();
  await expect(page.getByRole('status', { name: 'Connection test result' })).toContainText('MessageBird accepted the key.');

  // 2. The wizard's calls: a wrong code first, then the right one; a key check; the list.
  const started = await call('startProfileSetup', {
    participantNumber: '24680',
    description: 'Canary BV',
    originator: 'Canary',
    adminPhone: ADMIN_PHONE,
    apiKey: canaryKey,
    language: 'nl',
  });
  expect(started.ok, JSON.stringify(started)).toBe(true);
  const profileId = (started as { value: { profileId: string } }).value.profileId;
  const confirmationCode = codeIn(fake.messages().at(-1)?.body);
  expect(confirmationCode).toBeDefined();
  const wrong = confirmationCode === '000000' ? '111111' : '000000';
  expect((await call('verifyProfileCode', { id: profileId, code: wrong })).ok).toBe(false);
  expect((await call('verifyProfileCode', { id: profileId, code: confirmationCode })).ok).toBe(true);
  expect((await call('activateProfile', { id: profileId, acknowledgeCosts: true })).ok).toBe(true);
  expect((await call('checkProfileKey', { id: profileId })).ok).toBe(true);
  expect((await call('listProfiles')).ok).toBe(true);

  // 3. A test send from the UI, followed to delivered.
  await page.getByRole('navigation').getByRole('button', { name: 'Test send' }).click();
  await page.getByLabel('Phone number').fill(RECIPIENT);
  await page.getByRole('button', { name: 'Check and send…' }).click();
  await page.getByRole('dialog', { name: 'Send a test code?' }).getByRole('button', { name: 'Send test code' }).click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByTestId('test-send-status')).toHaveText('Delivered', { timeout: 30_000 });
  const testCode = codeIn(fake.messages().at(-1)?.body);
  expect(testCode).toBeDefined();
  expect(fake.messages().at(-1)?.recipients[0]?.recipient).toBe(Number(RECIPIENT.slice(1)));

  // 4. The send log and its CSV export.
  await page.getByRole('navigation').getByRole('button', { name: 'Send log' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV…' }).click();
  const csv = readFileSync((await (await downloading).path())!, 'utf8');
  expect(csv.split('\n').length).toBeGreaterThanOrEqual(3); // header + the confirmation and the test send

  // The secrets did reach MessageBird (so the search below looks for strings that really existed)…
  expect(fake.requests.some((r) => r.headers.authorization === `AccessKey ${canaryKey}`)).toBe(true);
  // …and nowhere else.
  const secrets = [canaryKey, confirmationCode!, testCode!];
  await page.waitForLoadState('networkidle');
  expect(filesContainingSecrets(host.dataDir, [...secrets, RECIPIENT.slice(1)])).toEqual([]);
  // Positive control: the search does find what is stored on purpose (the admin's own number, in settings).
  expect(filesContainingSecrets(host.dataDir, [ADMIN_PHONE]).length).toBeGreaterThan(0);
  const output = host.output();
  const everything = [...replies, csv];
  for (const secret of [...secrets, RECIPIENT.slice(3)]) {
    expect(output, `host output contains ${secret}`).not.toContain(secret);
    expect(everything.filter((text) => text.includes(secret)), `replies/export contain ${secret}`).toEqual([]);
  }
  expect(replies.length).toBeGreaterThan(10);
});
