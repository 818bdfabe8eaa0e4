// The truth about each failure, on screen: not sent vs may have been sent, certificate failures, a
// connection problem during the key check, and an invalid profile in config.json. The built renderer
// in Chromium, the browser host's real services, the real messagebird SDK and the fake MessageBird's
// fault injection.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { FAKE_LIVE_KEY, startFakeMessageBird, type FakeMessageBird } from '../fakes/fake-messagebird';
import { activeFakeProfile } from '../support/fake-profile';
import { expect, test, useMessageBird } from './fixtures';
import { startHostProcess, type HostProcess } from './harness/host-process';

const posts = (fake: FakeMessageBird) => fake.requests.filter((r) => r.method === 'POST' && r.path === '/messages');
const MAYBE_SENT = /may have been sent: check the phone before you send again/;

async function openWizard(page: Page, host: HostProcess): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New SMS provider' }).click();
  await page.getByRole('button', { name: 'I have a MessageBird contract, continue' }).click();
  await expect(page.getByRole('heading', { name: 'Provider details' })).toBeFocused();
  await page.getByLabel('Participant number (deelnemernummer)').fill('12345');
  await page.getByLabel('Description').fill('Productie');
  await page.getByLabel('Sender').fill('Acme');
  await page.getByLabel('MessageBird API key').fill(FAKE_LIVE_KEY);
  await page.getByLabel('Your mobile number').fill('06 12345678');
}

/** "Next", confirming the estimated cost of the confirmation SMS where the wizard asks for it (MessageBird mode). */
async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send the confirmation code?' });
  if (await dialog.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) {
    await dialog.getByRole('button', { name: 'Send code' }).click();
    await expect(dialog).toBeHidden();
  }
}

/** An active profile with the fake's live key, set up through the contract as the wizard does. */
const activeProfile = (host: HostProcess, fake: FakeMessageBird) => activeFakeProfile((method, input) => host.call(method, input), fake);

test.describe('not sent vs may have been sent', () => {
  test.beforeEach(async ({ host }) => {
    await useMessageBird(host);
  });

  test('a 429 at Next keeps the wizard on the details step with a not-sent message; Next again sends at once', async ({ page, host, fake }) => {
    await openWizard(page, host);
    fake.injectOnce({ type: 'error', status: 429, errors: [{ code: 2, description: 'Too many requests' }] }, { method: 'POST', path: '/messages' });
    await next(page);

    await expect(page.getByText(/refused the request because it received too many requests\. Nothing was sent\. Wait a minute, then try again\./)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Provider details' })).toBeVisible();
    await expect(page.getByText(MAYBE_SENT)).toHaveCount(0);
    await expect(page.getByLabel('MessageBird API key')).not.toHaveAttribute('aria-invalid', 'true');
    const log = await host.call<{ rows: Array<{ status: string }> }>('queryLog', { filter: { purpose: 'confirmation' }, limit: 10 });
    expect(log.ok && log.value.rows.map((r) => r.status)).toEqual(['failed']);

    // No cooldown: nothing went out, so Next works again straight away.
    await next(page);
    await expect(page.getByRole('heading', { name: 'Enter code' })).toBeFocused();
    await expect(page.getByText(/We sent a code to/)).toBeVisible();
    expect(posts(fake)).toHaveLength(2);
  });

  test('a 5xx at Next says the code may have been sent, never "in time"; the send log row says so too', async ({ page, host, fake }) => {
    await openWizard(page, host);
    fake.injectOnce({ type: 'status', status: 503, body: { message: 'Service Unavailable' } }, { method: 'POST', path: '/messages' });
    await next(page);

    await expect(page.getByRole('heading', { name: 'Enter code' })).toBeFocused();
    await expect(page.getByText(/The code may have been sent to .*: check the phone before you send again\./)).toBeVisible();
    await expect(page.getByText(/in time/)).toHaveCount(0);

    await page.getByRole('navigation').getByRole('button', { name: 'Send log' }).click();
    const grid = page.getByRole('grid', { name: 'Sent messages' });
    const row = grid.locator('[role=row]:not([aria-rowindex="1"])').first();
    await expect(row).toContainText('Unknown');
    await row.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Message details' })).toContainText(MAYBE_SENT);
  });

  test('a test send answered with a 5xx says "may have been sent: check the phone" next to the unknown row', async ({ page, host, fake }) => {
    await activeProfile(host, fake);
    await page.goto(host.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Test send' }).click();
    await page.getByLabel('Phone number').fill('0612345678');
    fake.injectOnce({ type: 'status', status: 502, body: { message: 'Bad Gateway' } }, { method: 'POST', path: '/messages' });
    await page.getByRole('button', { name: 'Check and send…' }).click();
    await page.getByRole('dialog', { name: 'Send a test code?' }).getByRole('button', { name: 'Send test code' }).click();

    await expect(page.getByTestId('test-send-status')).toHaveText('Unknown: may have been sent');
    await expect(page.getByText(/MessageBird reported a fault on its side\. The SMS may have been sent: check the phone before you send again\./)).toBeVisible();
    await expect(page.getByText(/Try again later/)).toHaveCount(0);
  });
});

test.describe('connection problems are not about the key', () => {
  test('a network failure during the key check does not mark the key field', async ({ page, host, fake }) => {
    await useMessageBird(host);
    await openWizard(page, host);
    // The connection is cut after the balance request was written: the key was never judged.
    fake.setFault({ type: 'reset' }, { path: '/balance' });
    await next(page);

    const notice = page.getByText('Problem with the connection to MessageBird');
    await expect(notice).toBeVisible();
    await expect(page.getByText(/This says nothing about your API key/)).toBeVisible();
    const key = page.getByLabel('MessageBird API key');
    await expect(key).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('heading', { name: 'Provider details' })).toBeVisible();
    expect(posts(fake)).toHaveLength(0);
  });

  test('a certificate from an unknown CA (a TLS-inspecting proxy) is named as such in the connection test', async ({ page, context, fakeServer }) => {
    // A second fake whose CA the host does not trust, standing in for a proxy with its own certificate.
    const proxy = await startFakeMessageBird();
    const host = await startHostProcess({
      env: { MESSAGEBIRD_CONNECT_TO: `127.0.0.1:${proxy.port}`, NODE_EXTRA_CA_CERTS: fakeServer.caFile },
    });
    try {
      await host.addSessionTo(context);
      await useMessageBird(host);
      await page.goto(host.url);
      await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('MessageBird API key').fill(FAKE_LIVE_KEY);
      await page.getByRole('button', { name: 'Check key' }).click();

      const result = page.getByRole('status', { name: 'Connection test result' });
      await expect(result).toContainText('The certificate for rest.messagebird.com was not trusted, so nothing was sent.');
      await expect(result).toContainText("install the organisation's root certificate (CA)");
      await expect(result).toContainText('NODE_EXTRA_CA_CERTS');
      await expect(result).not.toContainText('could not be reached');
      expect(proxy.requests).toHaveLength(0);
    } finally {
      expect(await host.stop()).toBe(0);
      await proxy.close();
    }
  });
});

test.describe('an invalid profile in config.json', () => {
  test('shows a start-up warning naming its participant number while the other profile still works', async ({ page, context, fake, fakeServer }) => {
    const env = { MESSAGEBIRD_CONNECT_TO: `127.0.0.1:${fakeServer.fake.port}`, NODE_EXTRA_CA_CERTS: fakeServer.caFile };
    const first = await startHostProcess({ env });
    await useMessageBird(first);
    const keep = await activeProfile(first, fake);
    const other = await first.call<{ profileId: string }>('startProfileSetup', {
      participantNumber: '54321',
      description: 'Test',
      originator: 'Acme',
      adminPhone: '+31687654321',
      apiKey: FAKE_LIVE_KEY,
      language: 'en',
    });
    expect(other.ok).toBe(true);
    expect(await first.stop()).toBe(0);

    // Someone empties the description of one profile by hand.
    const configPath = `${first.dataDir}/config.json`;
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as { profiles: Array<Record<string, unknown>> };
    config.profiles.find((p) => p.participantNumber === '54321')!.description = '';
    writeFileSync(configPath, JSON.stringify(config));

    const second = await startHostProcess({ env, dataDir: first.dataDir });
    try {
      await second.addSessionTo(context);
      await page.goto(second.url);
      await expect(page.getByRole('row', { name: /12345/ })).toContainText('Active');
      await expect(page.getByRole('row', { name: /54321/ })).toHaveCount(0);
      await page.getByRole('button', { name: 'Show in Settings' }).click();
      await expect(page.getByText(/The SMS provider for participant number 54321 in the settings file is not valid and was set aside/)).toBeVisible();

      const sent = await second.call('sendTestCode', { profileId: keep, recipient: '+31612345678', confirmCost: true });
      expect(sent, JSON.stringify(sent)).toMatchObject({ ok: true });
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
