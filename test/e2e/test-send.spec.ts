// Test send: the built renderer in Chromium, the browser host's real handler table and
// services, and the real messagebird SDK talking HTTPS to the fake MessageBird.
import type { Page } from '@playwright/test';
import { FAKE_LIVE_KEY, type FakeMessageBird } from '../fakes/fake-messagebird';
import { expect, test, useMessageBird } from './fixtures';
import type { HostProcess } from './harness/host-process';
import { filesContainingSecrets } from './harness/secrets';

const NL_MOBILE = '0612345678';

const posts = (fake: FakeMessageBird) => fake.requests.filter((r) => r.method === 'POST' && r.path === '/messages');

/**
 * An active profile with the fake's live key, set up through the contract as the wizard does: the
 * confirmation code is read from the message the fake received.
 */
async function activeProfile(host: HostProcess, fake: FakeMessageBird, participantNumber = '12345', name = 'Acme'): Promise<string> {
  await useMessageBird(host);
  const started = await host.call<{ profileId: string }>('startProfileSetup', {
    participantNumber,
    description: name,
    originator: name,
    adminPhone: '+31687654321',
    apiKey: FAKE_LIVE_KEY,
    language: 'en',
  });
  expect(started.ok, JSON.stringify(started)).toBe(true);
  if (!started.ok) throw new Error('setup failed');
  const code = /\d{6}/.exec(fake.messages().at(-1)?.body ?? '')?.[0];
  expect(code).toBeDefined();
  const verified = await host.call('verifyProfileCode', { id: started.value.profileId, code });
  expect(verified.ok, JSON.stringify(verified)).toBe(true);
  const activated = await host.call('activateProfile', { id: started.value.profileId, acknowledgeCosts: true });
  expect(activated.ok, JSON.stringify(activated)).toBe(true);
  return started.value.profileId;
}

async function openTestSend(page: Page, host: HostProcess): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Test send' }).click();
  await expect(page.getByLabel('Send from')).toBeVisible();
}

/** Fills the number, checks, and confirms the estimated cost in the dialog. */
async function sendTestCode(page: Page, number = NL_MOBILE): Promise<void> {
  await page.getByLabel('Phone number').fill(number);
  await page.getByRole('button', { name: 'Check and send…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send a test code?' });
  await expect(dialog).toContainText('Estimated cost: €0.056 (1 SMS part)');
  await dialog.getByRole('button', { name: 'Send test code' }).click();
}

test.describe('test send through the real SDK to the fake MessageBird', () => {
  test('send → sent with the MessageBird id → delivered after the fake reports it', async ({ page, host, fake }) => {
    await activeProfile(host, fake);
    const before = posts(fake).length;
    await openTestSend(page, host);
    await expect(page.getByLabel('Send from')).toContainText('Acme (12345) — sender Acme');
    await page.getByLabel('Phone number').fill(NL_MOBILE);
    await expect(page.getByText('+31612345678 · Netherlands · mobile')).toBeVisible();
    await expect(page.getByText('GSM-7 · 17 of 160 characters · 1 SMS part')).toBeVisible();
    await sendTestCode(page);

    const result = page.getByRole('region', { name: 'Result' });
    await expect(result.getByTestId('test-send-status')).toHaveText('Sent, waiting for delivery');
    expect(posts(fake)).toHaveLength(before + 1);
    const message = fake.messages().at(-1)!;
    await expect(result).toContainText(message.id);
    expect(message.body).toMatch(/^Test code: \d{6}$/);
    expect(message.reference).toMatch(/^test-\d+$/);
    expect(message.validity).toBe(600);

    fake.setMessageStatus(message.id, 'delivered', { statusReason: 'successfully delivered' });
    await expect(result.getByTestId('test-send-status')).toHaveText('Delivered', { timeout: 20_000 });
    await expect(result).toContainText('€0.056 (reported by MessageBird)');

    // The log row says the same, and neither the code nor the full number is stored anywhere.
    const logId = Number(message.reference!.slice('test-'.length));
    const row = await host.call<{ status: string; messageId: string }>('getTestSendStatus', { logId });
    expect(row).toMatchObject({ ok: true, value: { status: 'delivered', messageId: message.id } });
    const code = /\d{6}/.exec(message.body)![0];
    expect(filesContainingSecrets(host.dataDir, [code, '+31612345678', FAKE_LIVE_KEY])).toEqual([]);
    expect(host.output()).not.toContain(code);
    expect(posts(fake)).toHaveLength(before + 1);
  });

  test('starts on the newest live profile; changing the form clears the old result and sends anew', async ({ page, host, fake }) => {
    await activeProfile(host, fake, '12345', 'Acme');
    await host.advanceClock(1_000);
    await activeProfile(host, fake, '23456', 'Beta');
    await openTestSend(page, host);
    await expect(page.getByLabel('Send from').locator('option:checked')).toHaveText('Beta (23456) — sender Beta');

    await sendTestCode(page);
    const result = page.getByRole('region', { name: 'Result' });
    await expect(result.getByTestId('test-send-status')).toBeVisible();
    const submit = page.getByRole('button', { name: 'Check and send…' });
    await expect(submit).toBeEnabled();

    // Another number: the old result no longer describes the form, so it goes.
    await page.getByLabel('Phone number').fill('0687654321');
    await expect(result).toHaveCount(0);
    await submit.click();
    const dialog = page.getByRole('dialog', { name: 'Send a test code?' });
    await expect(dialog).toContainText('from Beta to +31 6 87654321');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Another provider after a result: the same.
    await sendTestCode(page, '0687654321');
    await expect(result.getByTestId('test-send-status')).toBeVisible();
    await page.getByLabel('Send from').selectOption({ label: 'Acme (12345) — sender Acme' });
    await expect(result).toHaveCount(0);
  });

  test('422 code 25 ("not enough balance"): a clear message and a failed row with the reason', async ({ page, host, fake }) => {
    await activeProfile(host, fake);
    fake.setKey(FAKE_LIVE_KEY, { balance: { payment: 'prepaid', type: 'euros', amount: 0 } });
    await openTestSend(page, host);
    await sendTestCode(page);

    await expect(page.getByRole('alert')).toContainText('MessageBird refused the send: the balance is too low. Nothing was sent');
    await expect(page.getByRole('alert')).toContainText('MessageBird error code 25.');
    const result = page.getByRole('region', { name: 'Result' });
    await expect(result.getByTestId('test-send-status')).toHaveText('Failed, not sent');
    await expect(result).toContainText('Not enough balance (HTTP 422)');
    await expect(result).toContainText('25');
  });

  test('a timeout shows "unknown" and no second request reaches the fake', async ({ page, host, fake }) => {
    test.setTimeout(90_000);
    await activeProfile(host, fake);
    const before = posts(fake).length;
    // Longer than the gateway's 15 s deadline.
    fake.injectOnce({ type: 'delay', ms: 20_000 }, { method: 'POST', path: '/messages' });
    await openTestSend(page, host);
    await sendTestCode(page);

    await expect(page.getByRole('alert')).toContainText('It is not retried automatically', { timeout: 30_000 });
    const result = page.getByRole('region', { name: 'Result' });
    await expect(result.getByTestId('test-send-status')).toHaveText('Unknown: may have been sent');
    await page.waitForTimeout(3_000);
    expect(posts(fake)).toHaveLength(before + 1);
  });

  test('the daily cap refuses the next send and says how to change it', async ({ page, host, fake }) => {
    await activeProfile(host, fake);
    expect((await host.call('updateTestSendSettings', { dailyCap: 1 })).ok).toBe(true);
    await openTestSend(page, host);
    await sendTestCode(page);
    await expect(page.getByRole('region', { name: 'Result' }).getByTestId('test-send-status')).toHaveText('Sent, waiting for delivery');
    const before = posts(fake).length;

    await page.getByRole('button', { name: 'Send another' }).click();
    await page.getByLabel('Phone number').fill(NL_MOBILE);
    await page.getByRole('button', { name: 'Check and send…' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'This provider already sent 1 test message in the last 24 hours (the cap is 1). Wait, or raise the cap under Cost guards.',
    );
    await expect(page.getByRole('dialog')).toBeHidden();
    expect(posts(fake)).toHaveLength(before);
  });

  test('a premium-rate number is refused before anything is sent', async ({ page, host, fake }) => {
    await activeProfile(host, fake);
    const before = posts(fake).length;
    await openTestSend(page, host);
    const number = page.getByLabel('Phone number');
    await number.fill('0900 123 4567');
    await expect(page.getByText('A premium-rate number: always refused.')).toBeVisible();
    await page.getByRole('button', { name: 'Check and send…' }).click();
    await expect(number).toBeFocused();
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/Premium-rate numbers are always refused/)).toBeVisible();
    await expect(page.getByRole('dialog')).toBeHidden();
    expect(posts(fake)).toHaveLength(before);
  });

  test('in Sandbox the built-in profile sends without network and follows to delivered', async ({ page, host, fake }) => {
    await openTestSend(page, host);
    await expect(page.getByLabel('Send from')).toContainText('Sandbox (simulated, no cost)');
    await page.getByLabel('Phone number').fill(NL_MOBILE);
    await page.getByRole('button', { name: 'Check and send…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send a test code?' });
    await expect(dialog).toContainText('Sandbox mode: simulated, nothing is sent or charged.');
    await dialog.getByRole('button', { name: 'Send test code' }).click();
    const status = page.getByRole('region', { name: 'Result' }).getByTestId('test-send-status');
    await expect(status).toHaveText('Sent, waiting for delivery');
    await expect(status).toHaveText('Delivered', { timeout: 20_000 });
    expect(fake.requests).toHaveLength(0);
  });
});
