// Every screen of the app, in one walk, with the same fixed Sandbox data each time: the Dutch-screens
// check, the README screenshots and the axe scan all visit exactly these screens.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Resources } from '../../../src/renderer/src/i18n/resources';
import { SANDBOX_PROFILE_ID } from '@shared/contract/test-send';
import type { HostProcess } from './host-process';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

const LOCALES = join(import.meta.dirname, '..', '..', '..', 'src', 'renderer', 'src', 'i18n', 'locales');

/**
 * The app's own words for a language (the catalogue files, read as the renderer bundles them), so the
 * walk follows the screens in either language. Read from disk: Playwright's loader does not import JSON.
 */
export function textsFor(language: Language): Resources {
  const namespaces = readdirSync(join(LOCALES, language)).filter((file) => file.endsWith('.json'));
  return Object.fromEntries(
    namespaces.map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as unknown]),
  ) as Resources;
}

/** Screens in the order the walk shows them; the names become file names (docs/screenshots/<lang>-<name>.png). */
export const SCREENS = [
  'setup',
  'wizard-intro',
  'wizard-details',
  'wizard-code',
  'wizard-save',
  'wizard-portal',
  'send-log',
  'send-log-detail',
  'review',
  'review-report',
  'settings',
  'settings-switch',
  'test-send',
  'test-send-confirm',
  'test-send-result',
] as const;
export type ScreenName = (typeof SCREENS)[number];

type CallResult<T> = { ok: true; value: T } | { ok: false; error: { code: string } };

async function call<T>(host: HostProcess, method: string, input?: unknown): Promise<T> {
  const result = (await host.call(method, input)) as CallResult<T>;
  expect(result.ok, `${method}: ${JSON.stringify(result)}`).toBe(true);
  return (result as { value: T }).value;
}

const SANDBOX_KEY = 'SandboxKey0123456789';

/** A profile set up through the contract in Sandbox, reading the code from the simulated SMS. */
async function sandboxProfile(host: HostProcess, language: Language, details: { participantNumber: string; description: string; originator: string }, activate: boolean): Promise<string> {
  const sent = await call<{ profileId: string; simulatedSms?: { body: string } }>(host, 'startProfileSetup', {
    ...details,
    adminPhone: '+31612345678',
    apiKey: SANDBOX_KEY,
    language,
  });
  if (activate) {
    const code = /\b(\d{6})\b/.exec(sent.simulatedSms?.body ?? '')?.[1];
    expect(code, 'Sandbox shows the code on the simulated phone').toBeDefined();
    await call(host, 'verifyProfileCode', { id: sent.profileId, code });
    await call(host, 'activateProfile', { id: sent.profileId, acknowledgeCosts: true });
  }
  return sent.profileId;
}

/**
 * Fixed data in Sandbox mode: one active profile, one awaiting its code, and test sends through both the
 * profile and the built-in Sandbox provider, all final (delivered) before the walk starts.
 */
export async function seedScreens(host: HostProcess, language: Language): Promise<void> {
  await call(host, 'updateSettings', { language, gatewayMode: 'sandbox', sandboxScenario: 'normal' });
  const active = await sandboxProfile(host, language, { participantNumber: '12345', description: 'Productie', originator: 'Acme' }, true);
  await sandboxProfile(host, language, { participantNumber: '23456', description: 'Testomgeving', originator: 'AcmeTest' }, false);
  for (const [profileId, recipient] of [
    [active, '+31612345678'],
    [SANDBOX_PROFILE_ID, '+32470123456'],
  ] as const) {
    await call(host, 'sendTestCode', { profileId, recipient, confirmCost: true });
  }
  await logSettled(host);
}

/** Waits until every send in the log has its final status (the Sandbox delivers after a moment), so every run shows the same rows. */
async function logSettled(host: HostProcess): Promise<void> {
  await expect
    .poll(async () => {
      const page = await call<{ rows: Array<{ status: string }> }>(host, 'queryLog', { filter: {}, limit: 50 });
      return page.rows.filter((row) => ['pending', 'sent', 'buffered'].includes(row.status)).length;
    }, { timeout: 30_000 })
    .toBe(0);
}

function nav(page: Page, index: number): Locator {
  return page.getByRole('navigation').first().getByRole('button').nth(index);
}

/** Waits until the page has no spinner left and fonts are in, so each visit sees a settled screen. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Opens the app and visits every screen in `language`, calling `visit` on each with the screen settled.
 * The data comes from `seedScreens`; the walk adds a third profile (made in the wizard) and one more
 * test send, so it runs once per host.
 */
export async function walkScreens(page: Page, host: HostProcess, language: Language, visit: (name: ScreenName) => Promise<void>): Promise<void> {
  const T = textsFor(language);
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('lang', language);

  // Inrichten: the profile list.
  await nav(page, 0).click();
  await expect(page.getByText('Productie', { exact: true })).toBeVisible();
  await settled(page);
  await visit('setup');

  // The wizard, every step, in Sandbox.
  await page.getByRole('button', { name: T.setup.list.new, exact: true }).click();
  await expect(page.getByRole('heading', { name: T.setup.steps.intro, exact: true })).toBeVisible();
  await settled(page);
  await visit('wizard-intro');

  await page.getByRole('button', { name: T.setup.actions.useSandbox, exact: true }).click();
  await page.getByLabel(T.setup.details.participantNumber, { exact: true }).fill('34567');
  await page.getByLabel(T.setup.details.description, { exact: true }).fill('Acceptatie');
  await page.getByLabel(T.setup.details.originator, { exact: true }).fill('Acme');
  await page.getByLabel(T.setup.details.apiKey, { exact: true }).fill(SANDBOX_KEY);
  await page.getByLabel(T.setup.details.adminPhone, { exact: true }).fill('06 12345678');
  await page.getByRole('heading', { name: T.setup.steps.details, exact: true }).click();
  await settled(page);
  await visit('wizard-details');

  await page.getByRole('button', { name: T.setup.actions.next, exact: true }).click();
  const phone = page.getByRole('figure', { name: T.setup.code.simulatedPhone });
  await expect(phone).toContainText(/\d{6}/);
  const code = /\b(\d{6})\b/.exec((await phone.textContent()) ?? '')?.[1] ?? '';
  await settled(page);
  await visit('wizard-code');

  await page.getByLabel(T.setup.code.label, { exact: true }).fill(code);
  await page.getByRole('button', { name: T.setup.actions.verify, exact: true }).click();
  await expect(page.getByRole('heading', { name: T.setup.steps.acknowledge, exact: true })).toBeVisible();
  await settled(page);
  await visit('wizard-save');

  await page.getByLabel(T.setup.acknowledge.checkbox, { exact: true }).check();
  await page.getByRole('button', { name: T.setup.actions.save, exact: true }).click();
  await expect(page.locator('[aria-current="step"]', { hasText: T.setup.steps.portal })).toBeVisible();
  await settled(page);
  await visit('wizard-portal');

  // Verzendlog with rows, and one row's details.
  await logSettled(host);
  await nav(page, 2).click();
  const grid = page.getByRole('grid');
  await expect(grid.locator('[role=row]:not([aria-rowindex="1"])').first()).toBeVisible();
  await settled(page);
  await visit('send-log');
  await grid.locator('[role=row]:not([aria-rowindex="1"])').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await settled(page);
  await visit('send-log-detail');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Controle.
  await nav(page, 3).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(T.review.title);
  await settled(page);
  await visit('review');
  await page.getByRole('button', { name: T.review.report.open, exact: true }).click();
  await expect(page.getByRole('button', { name: T.review.report.back, exact: true })).toBeVisible();
  await settled(page);
  await visit('review-report');
  await page.getByRole('button', { name: T.review.report.back, exact: true }).click();

  // Instellingen, and the switch to MessageBird with its cost warning (cancelled).
  await nav(page, 4).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(T.settings.title);
  await settled(page);
  await visit('settings');
  await page.getByRole('radio', { name: T.settings.gateway.messagebird }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await settled(page);
  await visit('settings-switch');
  await page.getByRole('dialog').getByRole('button', { name: T.common.actions.cancel, exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Testbericht: the form with a number, the cost confirmation, the result.
  await nav(page, 1).click();
  await page.getByLabel(T.testSend.form.recipient, { exact: true }).fill('06 12345678');
  await page.getByLabel(T.testSend.form.recipient, { exact: true }).press('Tab');
  await settled(page);
  await visit('test-send');
  await page.getByRole('button', { name: T.testSend.form.submit, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: T.testSend.confirm.title });
  await expect(dialog).toBeVisible();
  await settled(page);
  await visit('test-send-confirm');
  await dialog.getByRole('button', { name: T.testSend.confirm.action, exact: true }).click();
  await expect(page.getByTestId('test-send-status')).toContainText(T.testSend.status.delivered, { timeout: 30_000 });
  await settled(page);
  await visit('test-send-result');
}
