import { defineConfig } from '@playwright/test';

/**
 * Electron end-to-end tests (docs/ARCHITECTURE.md tier 5): launch the built app (out/main/index.js) with
 * Playwright's Electron launcher. Opt-in: where no Electron binary is installed, the test reports
 * itself as skipped with the reason.
 */
export default defineConfig({
  testDir: 'test/electron',
  outputDir: 'test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_REPORTERS === 'json' ? [['list'], ['json']] : [['list']],
  use: { trace: 'retain-on-failure' },
});
