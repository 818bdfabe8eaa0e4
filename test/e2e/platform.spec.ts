import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FAKE_LIVE_KEY, FAKE_TEST_KEY } from '../fakes/fake-messagebird';
import { expect, test } from './fixtures';
import { filesContainingSecrets } from './harness/secrets';

/** Opens Settings and switches the gateway to MessageBird through the confirmation dialog, as an admin does. */
async function switchToMessageBirdInSettings(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('MessageBird (real SMS)').click(); // asks for confirmation first
  await page.getByRole('dialog').getByRole('button', { name: 'Switch to MessageBird' }).click();
  // The modal dialog makes the page inert until the switch is saved; type only after it closed.
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
}

test.describe('platform: browser host, contract and the real SDK against the fake MessageBird', () => {
  test('starts in Sandbox and shows the app frame with the mode badge', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page).toHaveURL(`${host.origin}/`);
    await expect(page.getByRole('navigation')).toBeVisible();
    for (const name of ['Setup', 'Test send', 'Send log', 'Review', 'Settings']) {
      await expect(page.getByRole('navigation').getByRole('button', { name })).toBeVisible();
    }
    await expect(page.getByText('Sandbox', { exact: true }).first()).toBeVisible();
  });

  test('Settings says which route MessageBird traffic takes and where the diagnostics log is', async ({ page, host, fake }) => {
    await page.goto(host.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const route = page.getByRole('region', { name: 'Connection to MessageBird' });
    await expect(route).toContainText(`Redirected by MESSAGEBIRD_CONNECT_TO to ${fake.connectTo.host}:${fake.connectTo.port}`);
    const diagnostics = page.getByRole('region', { name: 'Diagnostics log' });
    const logFile = join(host.dataDir, 'logs', 'main.log');
    await expect(diagnostics).toContainText(logFile);
    // The browser cannot open a local file: the path is shown instead of a button.
    await expect(diagnostics.getByRole('button')).toHaveCount(0);
    expect(readFileSync(logFile, 'utf8')).toContain('(browser host) starting');
  });

  test('checks a live key through the real SDK: GET /balance reaches the fake and the balance is shown', async ({ page, host, fake }) => {
    fake.setKey(FAKE_LIVE_KEY, { balance: { payment: 'prepaid', type: 'euros', amount: 42.5 } });
    await switchToMessageBirdInSettings(page, host.url);
    await page.getByLabel('MessageBird API key').fill(FAKE_LIVE_KEY);
    await page.getByRole('button', { name: 'Check key' }).click();

    const result = page.getByRole('status', { name: 'Connection test result' });
    await expect(result).toContainText('MessageBird accepted the key.');
    await expect(result).toContainText('Live key');
    await expect(result).toContainText('42.5');

    const balanceCalls = fake.requests.filter((r) => r.method === 'GET' && r.path === '/balance');
    expect(balanceCalls).toHaveLength(1);
    expect(balanceCalls[0]?.headers.authorization).toBe(`AccessKey ${FAKE_LIVE_KEY}`);
    // The key was only checked, never stored, and never echoed anywhere.
    expect(filesContainingSecrets(host.dataDir, [FAKE_LIVE_KEY])).toEqual([]);
    expect(host.output()).not.toContain(FAKE_LIVE_KEY);
  });

  test('a test key is named as such; a wrong key gets a clear message', async ({ page, host, fake }) => {
    await switchToMessageBirdInSettings(page, host.url);
    const key = page.getByLabel('MessageBird API key');
    const result = page.getByRole('status', { name: 'Connection test result' });

    await key.fill(FAKE_TEST_KEY);
    await page.getByRole('button', { name: 'Check key' }).click();
    await expect(result).toContainText('This is a test key');

    await key.fill('WrongKey0123456789abcdefg');
    await page.getByRole('button', { name: 'Check key' }).click();
    await expect(result).toContainText('The key check failed.');
    expect(fake.requests.at(-1)?.headers.authorization).toBe('AccessKey WrongKey0123456789abcdefg');
  });

  test('refuses requests without the token, with a foreign Host or a foreign Origin', async ({ host }) => {
    const api = `${host.origin}/api/getAppInfo`;
    const json = { 'content-type': 'application/json' };
    const cookie = { cookie: host.sessionCookie };

    expect((await fetch(`${host.origin}/`)).status).toBe(401);
    expect((await fetch(`${host.origin}/?token=wrong`)).status).toBe(401);
    // The printed address worked once (the harness used it); a second use is refused.
    expect((await fetch(host.tokenUrl, { redirect: 'manual' })).status).toBe(401);
    // The token itself is no session cookie.
    expect((await fetch(api, { method: 'POST', headers: { ...json, cookie: `${host.sessionCookie.split('=')[0]}=${host.token}` }, body: '{}' })).status).toBe(401);
    expect((await fetch(api, { method: 'POST', headers: json, body: '{}' })).status).toBe(401);
    const foreignOrigin = await fetch(api, {
      method: 'POST',
      headers: { ...json, ...cookie, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(foreignOrigin.status).toBe(403);
    const good = await fetch(api, { method: 'POST', headers: { ...json, ...cookie }, body: '{}' });
    expect(good.status).toBe(200);
    expect(((await good.json()) as { ok: boolean }).ok).toBe(true);
    expect(good.headers.get('content-security-policy')).toContain("default-src 'none'");

    // fetch() cannot forge Host; a raw request can, as a DNS-rebinding page would arrive.
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: '/', headers: { host: `evil.example:${host.port}`, ...cookie } },
        (res) => resolve(res.statusCode),
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  test('malformed input to a contract method over HTTP is a validation error, not a crash', async ({ host }) => {
    const bad = await host.call('checkApiKey', { apiKey: 'has spaces and quotes"' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'apiKey' } });
    const unknown = await host.call('noSuchMethod', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // The host is still answering.
    expect((await host.call('getAppInfo')).ok).toBe(true);
  });
});
