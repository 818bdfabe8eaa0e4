// The security fixes as the admin sees them: confirmation SMS obey the cost guards (country allow-list,
// daily cap, the cost on Next's confirmation), and a profile confirmed in Sandbox must be confirmed
// again with MessageBird before it is in effect. Built renderer in Chromium, the browser host's real
// services, the real SDK against the fake MessageBird.
import type { Page } from '@playwright/test';
import { FAKE_LIVE_KEY, type FakeMessageBird } from '../fakes/fake-messagebird';
import { expect, pressNext, test, useMessageBird } from './fixtures';
import type { HostProcess } from './harness/host-process';

const sends = (fake: FakeMessageBird) => fake.requests.filter((r) => r.method === 'POST' && r.path === '/messages');

async function openWizard(page: Page, host: HostProcess, mode: 'messagebird' | 'sandbox' = 'messagebird'): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New SMS provider' }).click();
  const choice = mode === 'sandbox' ? 'Continue in Sandbox' : 'I have a MessageBird contract, continue';
  await page.getByRole('button', { name: choice }).click();
  await expect(page.getByRole('heading', { name: 'Provider details' })).toBeFocused();
}

async function fillDetails(page: Page, participant: string, phone: string): Promise<void> {
  await page.getByLabel('Participant number (deelnemernummer)').fill(participant);
  await page.getByLabel('Description').fill('Productie');
  await page.getByLabel('Sender').fill('Acme');
  await page.getByLabel('MessageBird API key').fill(FAKE_LIVE_KEY);
  await page.getByLabel('Your mobile number').fill(phone);
}

test.describe('confirmation SMS obey the cost guards', () => {
  test.beforeEach(async ({ host }) => {
    await useMessageBird(host);
  });

  test('Next asks first and shows the estimated cost; a far-away country is refused and nothing is sent', async ({ page, host, fake }) => {
    await openWizard(page, host);
    await fillDetails(page, '12345', '+61 412 345 678');
    await page.getByRole('button', { name: 'Next' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send the confirmation code?' });
    await expect(dialog.getByTestId('setup-send-cost')).toContainText('Estimated cost: €0.056');
    await dialog.getByRole('button', { name: 'Send code' }).click();

    await expect(page.getByText(/Confirmation codes are not sent to numbers in AU: it is not on the country allow-list \(NL, BE\)/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Provider details' })).toBeVisible();
    expect(fake.requests).toHaveLength(0); // not even GET /balance
    expect(await host.call('listProfiles')).toEqual({ ok: true, value: [] });
  });

  test('Next prices the code SMS with the price per part set under Cost guards', async ({ page, host, fake }) => {
    expect((await host.call('updateTestSendSettings', { pricesPerPart: { NL: 0.072 } })).ok).toBe(true);
    await openWizard(page, host);
    await fillDetails(page, '12345', '06 12345678');
    await page.getByRole('button', { name: 'Next' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send the confirmation code?' });
    await expect(dialog.getByTestId('setup-send-cost')).toContainText('Estimated cost: €0.072 (1 part at €0.072, your own price for NL under Cost guards');
    await expect(dialog.getByTestId('setup-send-cost')).not.toContainText('0.056');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(sends(fake)).toHaveLength(0);
  });

  test('the daily cap on confirmation SMS across all profiles is reached: the wizard says so and sends nothing', async ({ page, host, fake }) => {
    expect((await host.call('updateTestSendSettings', { confirmationDailyCap: 1 })).ok).toBe(true);
    const first = await host.call('startProfileSetup', {
      participantNumber: '11111', description: 'Eerste', originator: 'Acme', adminPhone: '0611111111', apiKey: FAKE_LIVE_KEY,
    });
    expect(first.ok, JSON.stringify(first)).toBe(true);
    // Clearing the send log does not reset the cap.
    expect((await host.call('clearLog', { confirm: true })).ok).toBe(true);
    const asked = () => fake.requests.filter((r) => r.path === '/balance' || (r.method === 'POST' && r.path === '/messages')).length;
    const before = asked();

    await openWizard(page, host);
    await fillDetails(page, '22222', '06 22222222');
    await pressNext(page);
    await expect(page.getByText(/The daily limit of 1 confirmation SMS is reached \(1 sent in the last 24 hours\)/)).toBeVisible();
    // No key check and no SMS for the refused Next (the first SMS's delivery poll may still run).
    expect(asked()).toBe(before);
    expect(sends(fake)).toHaveLength(1);
  });
});

test('a profile confirmed in Sandbox needs a confirmation with MessageBird after the switch; test send refuses it until then', async ({ page, host, fake }) => {
  // Set up and saved in Sandbox: the code comes back to the screen.
  await openWizard(page, host, 'sandbox');
  await fillDetails(page, '12345', '06 12345678');
  await pressNext(page);
  const phone = page.getByRole('figure', { name: 'Simulated phone (Sandbox)' });
  const code = /\b(\d{6})\b/.exec((await phone.textContent()) ?? '')?.[1] ?? '';
  await page.getByLabel('Confirmation code').fill(code);
  await page.getByRole('button', { name: 'Confirm code' }).click();
  await page.getByLabel(/at my organisation's cost and risk/).check();
  await page.getByRole('button', { name: 'Save and activate' }).click();
  const row = page.getByRole('row', { name: /12345/ });
  await expect(row).toContainText('Active');
  const id = ((await host.call<Array<{ id: string }>>('listProfiles')) as { ok: true; value: Array<{ id: string }> }).value[0]!.id;

  // The switch activates nothing: the row says what to do, and test send refuses the profile.
  await useMessageBird(host);
  await page.reload();
  await expect(row).toContainText('Confirm with MessageBird');
  await expect(row).toContainText('sends nothing with MessageBird until a code sent by MessageBird confirms it');
  const refused = await host.call('sendTestCode', { profileId: id, recipient: '+31687654321', confirmCost: true });
  expect(refused).toMatchObject({ ok: false, error: { code: 'live_confirmation_required' } });
  expect(fake.requests).toHaveLength(0);

  // Confirm with MessageBird: Next sends a code through MessageBird, then Save.
  await row.getByRole('button', { name: /^Actions/ }).click();
  await page.getByRole('menuitem', { name: 'Confirm with MessageBird' }).click();
  await expect(page.getByRole('heading', { name: 'Provider details' })).toBeFocused();
  await pressNext(page);
  await expect(page.getByRole('heading', { name: 'Enter code' })).toBeFocused();
  expect(sends(fake)).toHaveLength(1);
  const liveCode = /\b(\d{6})\b/.exec((sends(fake)[0]?.body as { body: string }).body)?.[1] ?? '';
  await page.getByLabel('Confirmation code').fill(liveCode);
  await page.getByRole('button', { name: 'Confirm code' }).click();
  await page.getByLabel(/at my organisation's cost and risk/).check();
  await page.getByRole('button', { name: /^Save/ }).click();
  await expect(row).toContainText('Active');
  await expect(row).not.toContainText('Confirm with MessageBird');
  const listed = await host.call<Array<{ needsLiveConfirmation: boolean; active: { confirmedMode: string } }>>('listProfiles');
  expect(listed).toMatchObject({ ok: true, value: [{ needsLiveConfirmation: false, active: { confirmedMode: 'messagebird' } }] });
});
