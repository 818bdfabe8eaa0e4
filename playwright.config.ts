import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Browser end-to-end tests: the built renderer in Chromium, served by the browser host, against the
 * real handler table and services, with the real SDK talking to the fake MessageBird over HTTPS.
 * Debian's Chromium is used where installed (no browser download here); elsewhere Playwright's own.
 */
const debianChromium = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((path) => existsSync(path));

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_REPORTERS === 'json' ? [['list'], ['json']] : [['list']],
  use: {
    browserName: 'chromium',
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? debianChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
