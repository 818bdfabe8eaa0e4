// The setup wizard end to end: the built renderer in Chromium, the browser host's real services, and
// the real messagebird SDK talking HTTPS to the fake MessageBird.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { FAKE_LIVE_KEY, FAKE_TEST_KEY, type FakeMessageBird, type RecordedRequest } from '../fakes/fake-messagebird';
import type { HostProcess } from './harness/host-process';
import { expect, test, useMessageBird, pressNext } from './fixtures';
import { startHostProcess } from './harness/host-process';
import { filesContainingSecrets } from './harness/secrets';

const PHONE_TYPED = '06 12345678';
const PHONE_DIGITS = '31612345678';

interface MessageBody {
  originator: string;
  recipients: unknown;
  body: string;
  validity?: number;
  reference?: string;
}

function sends(fake: FakeMessageBird): RecordedRequest[] {
  return fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/messages'));
}

function codeIn(request: RecordedRequest | undefined): string {
  const body = (request?.body as MessageBody | undefined)?.body ?? '';
  const code = /\b(\d{6})\b/.exec(body)?.[1];
  if (!code) throw new Error(`no code in ${body}`);
  return code;
}

async function openWizard(page: Page, host: HostProcess): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New SMS provider' }).click();
  // The first time: "Before you start".
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  await page.getByRole('button', { name: 'I have a MessageBird contract, continue' }).click();
  await expect(page.getByRole('heading', { name: 'Provider details' })).toBeFocused();
}

async function fillDetails(page: Page, values: Partial<Record<'participant' | 'description' | 'sender' | 'key' | 'phone', string>> = {}) {
  const v = { participant: '12345', description: 'Productie', sender: 'Acme', key: FAKE_LIVE_KEY, phone: PHONE_TYPED, ...values };
  await page.getByLabel('Participant number (deelnemernummer)').fill(v.participant);
  await page.getByLabel('Description').fill(v.description);
  await page.getByLabel('Sender').fill(v.sender);
  await page.getByLabel('MessageBird API key').fill(v.key);
  await page.getByLabel('Your mobile number').fill(v.phone);
}

async function toCodeStep(page: Page, host: HostProcess, fake: FakeMessageBird): Promise<string> {
  await openWizard(page, host);
  await fillDetails(page);
  await pressNext(page);
  // The admin's own number in full during the wizard, so a typo shows.
  await expect(page.getByText(/We sent a code to \+31 6 12345678\./)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Enter code' })).toBeFocused();
  return codeIn(sends(fake).at(-1));
}

async function enterCode(page: Page, code: string): Promise<void> {
  const field = page.getByLabel('Confirmation code');
  await field.fill(code);
  await page.getByRole('button', { name: 'Confirm code' }).click();
}

test.describe('setup wizard against the fake MessageBird', () => {
  test.beforeEach(async ({ host }) => {
    await useMessageBird(host);
  });

  test('happy path: details, code to the admin phone with the sender, acknowledgement, active', async ({ page, host, fake }) => {
    const code = await toCodeStep(page, host, fake);

    const [balanceCall] = fake.requests.filter((r) => r.path === '/balance');
    expect(balanceCall?.headers.authorization).toBe(`AccessKey ${FAKE_LIVE_KEY}`);
    const send = sends(fake);
    expect(send).toHaveLength(1);
    expect(send[0]?.headers.authorization).toBe(`AccessKey ${FAKE_LIVE_KEY}`);
    const body = send[0]?.body as MessageBody;
    expect(body.originator).toBe('Acme');
    expect(String(body.recipients).replace(/^\+/, '')).toBe(PHONE_DIGITS);
    expect(body.body).toBe(`Your confirmation code for the SMS provider of participant 12345 is ${code}. Valid for 5 minutes.`);
    expect(body.validity).toBeGreaterThan(290);
    expect(body.validity).toBeLessThanOrEqual(300);
    expect(body.reference).toMatch(/^confirm-\d+$/);

    await enterCode(page, code);
    await expect(page.getByRole('heading', { name: 'Save' })).toBeFocused();
    await expect(page.getByText('resetting the authenticator app')).toBeVisible();
    await page.getByLabel(/at my organisation's cost and risk/).check();
    await page.getByRole('button', { name: 'Save and activate' }).click();

    await expect(page.getByText(/The MessageBird setup for participant 12345 is verified and saved in this app\./)).toBeVisible();
    // Step 4 of 4: the AFAS portal steps, focused on their title; the step list has no step 0.
    const portal = page.getByRole('region', { name: 'Enter it in the AFAS Online portal: participant 12345' });
    await expect(portal.getByRole('heading', { level: 2 })).toBeFocused();
    const stepList = portal.getByRole('list', { name: 'Setup steps' });
    await expect(stepList.getByRole('listitem')).toHaveText(['1Provider details', '2Enter code', '3Save', '4Enter it in the AFAS Online portal (current step)']);
    await expect(stepList.locator('[aria-current="step"]')).toHaveCount(1);
    await expect(stepList.locator('[aria-current="step"]')).toContainText('Enter it in the AFAS Online portal');
    const row = page.getByRole('row', { name: /12345/ });
    await expect(row).toContainText('Active');
    await expect(row).toContainText('Acme');
    await expect(row).toContainText('live key');
    await expect(row).toContainText('Encrypted with a key file');
    await expect(page.locator('[data-mode]')).toHaveAttribute('data-mode', 'live');

    // The send log has the confirmation row: masked number, sent, never the code.
    const log = await host.call<{ rows: Array<Record<string, unknown>> }>('queryLog', { filter: { purpose: 'confirmation' }, limit: 10 });
    expect(log.ok, JSON.stringify(log)).toBe(true);
    if (log.ok) {
      expect(log.value.rows).toHaveLength(1);
      expect(log.value.rows[0]).toMatchObject({ purpose: 'confirmation', status: 'sent', originator: 'Acme', participantNumber: '12345', mode: 'live' });
      expect(log.value.rows[0]?.messagebirdId).toBe(fake.messages()[0]?.id);
      expect(JSON.stringify(log.value)).not.toContain(code);
      expect(JSON.stringify(log.value)).not.toContain(PHONE_DIGITS);
    }

    // Canary: neither the key nor the code is anywhere in the data folder or the host's output.
    const list = await host.call('listProfiles');
    expect(JSON.stringify(list)).not.toContain(FAKE_LIVE_KEY);
    expect(JSON.stringify(list)).not.toContain(PHONE_DIGITS);
    expect(filesContainingSecrets(host.dataDir, [FAKE_LIVE_KEY, code])).toEqual([]);
    expect(host.output()).not.toContain(FAKE_LIVE_KEY);
    expect(host.output()).not.toContain(code);
  });

  test('a wrong key is reported at the key field and nothing is sent', async ({ page, host, fake }) => {
    await openWizard(page, host);
    await fillDetails(page, { key: 'WrongKey0123456789abcdefg' });
    await pressNext(page);
    const key = page.getByLabel('MessageBird API key');
    await expect(key).toBeFocused();
    await expect(key).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.field__error', { hasText: 'MessageBird rejected the API key' })).toBeVisible();
    expect(fake.requests.at(-1)?.headers.authorization).toBe('AccessKey WrongKey0123456789abcdefg');
    expect(sends(fake)).toHaveLength(0);
  });

  test('a test key: the wizard says plainly it delivers nothing and refuses to send', async ({ page, host, fake }) => {
    await openWizard(page, host);
    await fillDetails(page, { key: FAKE_TEST_KEY });
    await page.getByRole('button', { name: 'Check the key' }).click();
    await expect(page.getByText(/This is a test key\. Test keys deliver nothing/)).toBeVisible();
    await pressNext(page);
    await expect(page.getByText(/Test keys deliver nothing, so the confirmation code could never arrive/)).toBeVisible();
    expect(sends(fake)).toHaveLength(0);
  });

  test('not enough balance is reported and nothing is sent', async ({ page, host, fake }) => {
    fake.setKey(FAKE_LIVE_KEY, { balance: { payment: 'prepaid', type: 'euros', amount: 0 } });
    await openWizard(page, host);
    await fillDetails(page);
    await pressNext(page);
    await expect(page.getByText(/balance is too low to send the code/).first()).toBeVisible();
    expect(sends(fake)).toHaveLength(0);
  });

  test('an invalid sender is refused in the form and again in main', async ({ page, host, fake }) => {
    await openWizard(page, host);
    await fillDetails(page, { sender: 'NOREPLY' });
    await pressNext(page);
    const sender = page.getByLabel('Sender');
    await expect(sender).toBeFocused();
    await expect(sender).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/generic name is blocked/)).toBeVisible();

    await sender.fill('Acme Holding BV');
    await pressNext(page);
    await expect(page.getByText('At most 11 characters for a name.')).toBeVisible();

    // Main does not trust the form.
    const result = await host.call('startProfileSetup', { participantNumber: '12345', description: 'x', originator: 'MessageBird', adminPhone: PHONE_TYPED, apiKey: FAKE_LIVE_KEY });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_originator', field: 'originator' } });
    expect(sends(fake)).toHaveLength(0);
  });

  test('a number that is not mobile is refused in the form and again in main', async ({ page, host, fake }) => {
    await openWizard(page, host);
    await fillDetails(page, { phone: '020 123 4567' });
    await pressNext(page);
    const phone = page.getByLabel('Your mobile number');
    await expect(phone).toBeFocused();
    await expect(page.getByText(/That is not a mobile number/)).toBeVisible();

    const result = await host.call('startProfileSetup', { participantNumber: '12345', description: 'x', originator: 'Acme', adminPhone: '0900 1234567', apiKey: FAKE_LIVE_KEY });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_phone', field: 'adminPhone' } });
    expect(sends(fake)).toHaveLength(0);
  });

  test('a wrong code says how many attempts are left', async ({ page, host, fake }) => {
    const code = await toCodeStep(page, host, fake);
    await enterCode(page, code === '000000' ? '111111' : '000000');
    await expect(page.getByText('That code is not correct. 4 attempts left.')).toBeVisible();
    await expect(page.getByLabel('Confirmation code')).toBeFocused();
    await enterCode(page, code);
    await expect(page.getByRole('heading', { name: 'Save' })).toBeVisible();
  });

  test('an expired code (clock moved 5 minutes) gets its own message', async ({ page, host, fake }) => {
    const code = await toCodeStep(page, host, fake);
    await host.advanceClock(5 * 60_000);
    await enterCode(page, code);
    await expect(page.getByText('The code has expired. Ask for a new code.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Confirm code' })).toBeDisabled();
  });

  test('five wrong codes cancel the code, even for the right one afterwards', async ({ page, host, fake }) => {
    const code = await toCodeStep(page, host, fake);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      await enterCode(page, wrong);
      await expect(page.getByText(`That code is not correct. ${left} attempt${left === 1 ? '' : 's'} left.`)).toBeVisible();
    }
    await enterCode(page, wrong);
    await expect(page.getByText(/Five wrong codes: this code is cancelled/)).toBeVisible();
    const id = ((await host.call<Array<{ id: string }>>('listProfiles')) as { ok: true; value: Array<{ id: string }> }).value[0]!.id;
    expect(await host.call('verifyProfileCode', { id, code })).toMatchObject({ ok: false, error: { code: 'code_exhausted' } });
  });

  test('resend respects the cooldown with a visible countdown; after it a new code replaces the old', async ({ page, host, fake }) => {
    const first = await toCodeStep(page, host, fake);
    const resend = page.getByRole('button', { name: 'Send a new code' });
    await expect(resend).toBeDisabled();
    await expect(page.getByText(/You can ask for a new code in \d\d:\d\d\./)).toBeVisible();

    const id = ((await host.call<Array<{ id: string }>>('listProfiles')) as { ok: true; value: Array<{ id: string }> }).value[0]!.id;
    expect(await host.call('resendProfileCode', { id, language: 'en' })).toMatchObject({ ok: false, error: { code: 'resend_cooldown' } });
    expect(sends(fake)).toHaveLength(1);

    await host.advanceClock(60_000);
    const again = await host.call<{ resendAvailableAt: number; serverNow: number }>('resendProfileCode', { id, language: 'en' });
    expect(again.ok).toBe(true);
    // The cooldown doubles on repeats.
    if (again.ok) expect(again.value.resendAvailableAt - again.value.serverNow).toBeGreaterThan(119_000);
    expect(sends(fake)).toHaveLength(2);
    const second = codeIn(sends(fake).at(-1));
    if (second !== first) {
      await enterCode(page, first);
      await expect(page.getByText(/That code is not correct/)).toBeVisible();
    }
    await enterCode(page, second);
    await expect(page.getByRole('heading', { name: 'Save' })).toBeVisible();
  });

  test('the wait counts down as mm:ss; after five wrong codes a new code can be asked at once and the old one is void', async ({ page, host, fake }) => {
    const first = await toCodeStep(page, host, fake);
    const wait = page.getByText(/You can ask for a new code in \d\d:\d\d\./);
    await expect(wait).toHaveText(/in 0[01]:\d\d\./);
    const shown = (await wait.textContent()) ?? '';
    await expect(wait).not.toHaveText(shown); // a live countdown, not a frozen number
    const resend = page.getByRole('button', { name: 'Send a new code' });
    await expect(resend).toBeDisabled();
    await expect(page.getByText(/The code is valid until/)).toBeVisible();

    const wrong = first === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await enterCode(page, wrong);
    await expect(page.getByText(/Five wrong codes/)).toBeVisible();
    await expect(page.getByText(/The code is valid until/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Confirm code' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Confirm code' })).toHaveAccessibleDescription(/this code can no longer be used/);
    // No wait longer than the code lived: the new code can be asked at once.
    await expect(resend).toBeEnabled();
    await resend.click();
    await expect(page.getByText(/We sent a code to \+31 6 12345678\. Any code sent before no longer works\./)).toBeVisible();
    expect(sends(fake)).toHaveLength(2);
    await enterCode(page, codeIn(sends(fake).at(-1)));
    await expect(page.getByRole('heading', { name: 'Save' })).toBeFocused();
  });

  test('editing an active profile: until the new code is confirmed the old settings stay active', async ({ page, host, fake }) => {
    // Set up an active profile through the contract (the happy path above covers the UI).
    const started = await host.call<{ profileId: string }>('startProfileSetup', { participantNumber: '12345', description: 'Productie', originator: 'Acme', adminPhone: PHONE_TYPED, apiKey: FAKE_LIVE_KEY, language: 'nl' });
    expect(started.ok).toBe(true);
    const id = (started as { ok: true; value: { profileId: string } }).value.profileId;
    expect((sends(fake)[0]?.body as MessageBody).body).toMatch(/^Je bevestigingscode voor de SMS-provider van deelnemer 12345 is \d{6}\./);
    expect((await host.call('verifyProfileCode', { id, code: codeIn(sends(fake)[0]) })).ok).toBe(true);
    expect((await host.call('activateProfile', { id, acknowledgeCosts: true })).ok).toBe(true);

    await page.goto(host.url);
    const row = page.getByRole('row', { name: /12345/ });
    await row.getByRole('button', { name: /^Actions/ }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await expect(page.getByText(/settings in effect stay until you confirm/)).toBeVisible();
    await page.getByLabel('Sender').fill('NewName');
    await page.getByLabel('MessageBird API key').fill('SecondLiveKey0123456789');
    fake.setKey('SecondLiveKey0123456789', {});
    await pressNext(page);
    await expect(page.getByText(/We sent a code to/)).toBeVisible();
    const change = sends(fake).at(-1);
    expect((change?.body as MessageBody).originator).toBe('NewName');
    expect(change?.headers.authorization).toBe('AccessKey SecondLiveKey0123456789');
    expect(String((change?.body as MessageBody).recipients).replace(/^\+/, '')).toBe(PHONE_DIGITS);

    // Its delivery is followed with the key the change brings (not the one in effect) and shown on the step.
    const changeId = fake.messages().at(-1)!.id;
    await expect(page.getByText('waiting for the delivery report')).toBeVisible();
    fake.setMessageStatus(changeId, 'delivered');
    await expect(page.getByText('delivered to the phone')).toBeVisible({ timeout: 15_000 });
    const reads = fake.requests.filter((r) => r.method === 'GET' && r.path === `/messages/${changeId}`);
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(read.headers.authorization).toBe('AccessKey SecondLiveKey0123456789');

    // The admin walks away without confirming.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Back to the list' }).click();
    await expect(row).toContainText('Active');
    await expect(row.getByRole('cell').nth(1)).toContainText('Acme'); // the Sender column
    await expect(row).toContainText(/Change waiting for confirmation: sender NewName/);

    const list = (await host.call<Array<{ status: string; active: { originator: string; key: { fingerprint: string } }; pending: { originator: string } }>>('listProfiles')) as {
      ok: true;
      value: Array<{ status: string; active: { originator: string }; pending: { originator: string } }>;
    };
    expect(list.value[0]).toMatchObject({ status: 'active', active: { originator: 'Acme' }, pending: { originator: 'NewName' } });
    // Activation without the code is refused; the old settings stay after a wrong code as well.
    expect(await host.call('activateProfile', { id, acknowledgeCosts: true })).toMatchObject({ ok: false, error: { code: 'not_verified' } });
    expect(filesContainingSecrets(host.dataDir, [FAKE_LIVE_KEY, 'SecondLiveKey0123456789', codeIn(change)])).toEqual([]);
  });

  test('a draft survives a restart without its code; reopening resumes at step 1, the cooldown outlives the restart, then Next sends a fresh code', async ({ page, host, fake, fakeServer }) => {
    const oldCode = await toCodeStep(page, host, fake);
    expect(await host.stop()).toBe(0);

    const again = await startHostProcess({
      dataDir: host.dataDir,
      env: { MESSAGEBIRD_CONNECT_TO: `127.0.0.1:${fake.port}`, NODE_EXTRA_CA_CERTS: fakeServer.caFile },
    });
    try {
      await again.addSessionTo(page.context());
      await page.goto(again.url);
      const row = page.getByRole('row', { name: /12345/ });
      await expect(row).toContainText('Awaiting confirmation');
      await row.getByRole('button', { name: /^Actions/ }).click();
      await page.getByRole('menuitem', { name: 'Continue setup' }).click();
      await expect(page.getByRole('heading', { name: 'Provider details' })).toBeFocused();
      await expect(page.getByLabel('Sender')).toHaveValue('Acme');
      await expect(page.getByLabel('Your mobile number')).toHaveValue('+31612345678');
      await expect(page.getByLabel('MessageBird API key')).toHaveValue('');
      await expect(page.getByText(/keep the current key \(fingerprint [0-9a-f]{8}\)/)).toBeVisible();
      const id = ((await again.call<Array<{ id: string }>>('listProfiles')) as { ok: true; value: Array<{ id: string }> }).value[0]!.id;
      expect(await again.call('verifyProfileCode', { id, code: oldCode })).toMatchObject({ ok: false, error: { code: 'code_not_pending' } });

      // The resend cooldown is kept across the restart (only the code is gone): Next waits, sends nothing.
      await pressNext(page);
      await expect(page.getByText(/You can ask for a new code in \d\d:\d\d\./)).toBeVisible();
      expect(sends(fake)).toHaveLength(1);
      await again.advanceClock(60_000);
      await pressNext(page);
      await expect(page.getByText(/We sent a code to/)).toBeVisible();
      expect(sends(fake)).toHaveLength(2);
      // The key came from the vault, encrypted at rest.
      expect(sends(fake).at(-1)?.headers.authorization).toBe(`AccessKey ${FAKE_LIVE_KEY}`);
      await enterCode(page, codeIn(sends(fake).at(-1)));
      await page.getByLabel(/at my organisation's cost and risk/).check();
      await page.getByRole('button', { name: 'Save and activate' }).click();
      await expect(page.getByText(/The MessageBird setup for participant 12345 is verified and saved in this app\./)).toBeVisible();
      expect(filesContainingSecrets(host.dataDir, [FAKE_LIVE_KEY, oldCode, codeIn(sends(fake).at(-1))])).toEqual([]);
    } finally {
      expect(await again.stop()).toBe(0);
    }
  });

  test('keyboard only, with no accessibility violations on any step', async ({ page, host, fake }) => {
    const axe = async () => {
      const result = await new AxeBuilder({ page }).include('main').analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    };
    await page.goto(host.url);
    const newButton = page.getByRole('button', { name: 'New SMS provider' });
    await newButton.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Before you start' })).toBeFocused();
    await axe();
    await page.getByRole('button', { name: 'I have a MessageBird contract, continue' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Provider details' })).toBeFocused();

    // Tab into each field in order and type.
    const values = ['12345', 'Productie', 'Acme', FAKE_LIVE_KEY];
    for (const value of values) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(value);
    }
    await page.keyboard.press('Tab'); // "Check the key"
    await page.keyboard.press('Enter');
    await expect(page.getByText(/Key accepted\. Balance: €100\.00\./)).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Your mobile number')).toBeFocused();
    await page.keyboard.type(PHONE_TYPED);
    await axe();
    await page.keyboard.press('Enter'); // submits the form; MessageBird mode asks first, with the cost
    const sendDialog = page.getByRole('dialog', { name: 'Send the confirmation code?' });
    await expect(sendDialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(sendDialog.getByRole('button', { name: 'Send code' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Enter code' })).toBeFocused();
    await axe();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Confirmation code')).toBeFocused();
    await page.keyboard.type(codeIn(sends(fake).at(-1)));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Save' })).toBeFocused();
    await axe();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/at my organisation's cost and risk/)).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Save and activate' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/The MessageBird setup for participant 12345 is verified and saved in this app\./)).toBeVisible();
    await axe();
  });
});

test.describe('setup wizard in Sandbox (no contract needed)', () => {
  test('"I have a contract" offers the switch to MessageBird right there, and the setup ends in MessageBird mode', async ({ page, host, fake }) => {
    await page.goto(host.url);
    await expect(page.locator('[data-mode]')).toHaveAttribute('data-mode', 'sandbox');
    await page.getByRole('button', { name: 'New SMS provider' }).click();
    await page.getByRole('button', { name: 'I have a MessageBird contract, continue' }).click();
    const dialog = page.getByRole('dialog', { name: 'Switch to MessageBird?' });
    await expect(dialog).toContainText('€0.056 per SMS part');
    await dialog.getByRole('button', { name: 'Switch to MessageBird' }).click();
    await expect(page.getByRole('heading', { name: 'Provider details' })).toBeFocused();
    await expect(page.getByText(/Sandbox mode: the code is shown/)).toHaveCount(0);
    await fillDetails(page);
    await pressNext(page);
    await expect(page.getByText(/We sent a code to \+31 6 12345678\./)).toBeVisible();
    // The live key went to MessageBird (here the fake), not to the simulator.
    expect(sends(fake)).toHaveLength(1);
    await enterCode(page, codeIn(sends(fake).at(-1)));
    await expect(page.getByText(/About €0\.056 per SMS part/)).toBeVisible();
    await page.getByLabel(/at my organisation's cost and risk/).check();
    await page.getByRole('button', { name: 'Save and activate' }).click();
    await expect(page.getByRole('row', { name: /12345/ })).toContainText('Active');
    await expect(page.locator('[data-mode]')).toHaveAttribute('data-mode', 'live');
  });

  test('the whole flow works without MessageBird, showing the code on a simulated phone', async ({ page, host, fake }) => {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'New SMS provider' }).click();
    await page.getByRole('button', { name: 'Continue in Sandbox' }).click();
    await expect(page.getByText(/Sandbox mode: the code is shown on a simulated phone/)).toBeVisible();
    await fillDetails(page, { key: 'AnyKeyWillDo123' });
    await pressNext(page);
    const phone = page.getByRole('figure', { name: 'Simulated phone (Sandbox)' });
    await expect(phone).toContainText('Your confirmation code for the SMS provider of participant 12345 is');
    const code = /\b(\d{6})\b/.exec((await phone.textContent()) ?? '')?.[1] ?? '';
    await enterCode(page, code);
    await page.getByLabel(/at my organisation's cost and risk/).check();
    await page.getByRole('button', { name: 'Save and activate' }).click();
    await expect(page.getByRole('row', { name: /12345/ })).toContainText('Active');
    await expect(page.locator('[data-mode]')).toHaveAttribute('data-mode', 'sandbox');
    // Nothing reached MessageBird.
    expect(fake.requests).toHaveLength(0);
    expect(filesContainingSecrets(host.dataDir, ['AnyKeyWillDo123', code])).toEqual([]);
  });
});
