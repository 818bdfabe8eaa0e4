import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startFakeMessageBird, type FakeMessageBird } from '../fakes/fake-messagebird';
import { startHostProcess, type HostProcess } from './harness/host-process';

interface WorkerFixtures {
  fakeServer: { fake: FakeMessageBird; caFile: string };
}

interface TestFixtures {
  /** The fake MessageBird HTTPS server, reset for each test. */
  fake: FakeMessageBird;
  /** A fresh browser host (own data folder) whose MessageBird traffic goes to `fake`. */
  host: HostProcess;
}

/**
 * Each worker runs one fake MessageBird; each test gets its own browser host process, started like
 * `npm run web` with `MESSAGEBIRD_CONNECT_TO` and `NODE_EXTRA_CA_CERTS` pointing at the fake, so the
 * real SDK makes real HTTPS requests that verify the certificate for rest.messagebird.com.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  fakeServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring form
    async ({}, use) => {
      const fake = await startFakeMessageBird();
      const caFile = join(mkdtempSync(join(tmpdir(), 'fake-mb-ca-')), 'ca.pem');
      writeFileSync(caFile, fake.caPem);
      await use({ fake, caFile });
      await fake.close();
    },
    { scope: 'worker' },
  ],
  fake: async ({ fakeServer }, use) => {
    fakeServer.fake.reset();
    await use(fakeServer.fake);
  },
  host: async ({ fakeServer, context }, use) => {
    const host = await startHostProcess({
      env: {
        MESSAGEBIRD_CONNECT_TO: `127.0.0.1:${fakeServer.fake.port}`,
        NODE_EXTRA_CA_CERTS: fakeServer.caFile,
      },
    });
    // The printed token opens one session; the harness used it, and the test's browser shares that session.
    await host.addSessionTo(context);
    await use(host);
    const exitCode = await host.stop();
    expect(exitCode, `browser host should stop cleanly on SIGTERM; output:\n${host.output()}`).toBe(0);
  },
});

export { expect };

/**
 * Presses the wizard's "Next". In MessageBird mode it asks first, showing the estimated cost of the code
 * SMS, and this confirms it ("Send code"); in Sandbox, or when the form has errors, there is no dialog.
 */
export async function pressNext(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send the confirmation code?' });
  const asked = await dialog.waitFor({ state: 'visible', timeout: 1500 }).then(
    () => true,
    () => false,
  );
  if (!asked) return;
  await dialog.getByRole('button', { name: 'Send code' }).click();
  await expect(dialog).toBeHidden();
}

/** Switches a host from the default Sandbox to MessageBird (the fake) through the contract. */
export async function useMessageBird(host: HostProcess): Promise<void> {
  const result = await host.call('updateSettings', { gatewayMode: 'messagebird' });
  expect(result.ok, JSON.stringify(result)).toBe(true);
}
