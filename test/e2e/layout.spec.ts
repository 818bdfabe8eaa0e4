// Screens that fit: at the smallest window the desktop app allows (1024 × 700) and at 1280 × 800, the
// provider list and the send log show every essential column and action without scrolling sideways,
// in both languages.
import type { Locator, Page } from '@playwright/test';
import { FAKE_LIVE_KEY, type FakeMessageBird } from '../fakes/fake-messagebird';
import { SANDBOX_PROFILE_ID } from '@shared/contract/test-send';
import { expect, test, useMessageBird } from './fixtures';
import type { HostProcess } from './harness/host-process';

const WORDS = {
  en: {
    list: ['Participant number', 'Status', 'Sender', 'API key', 'Balance'],
    actions: 'Actions for participant 12345',
    setup: 'Setup',
    sendLog: 'Send log',
    grid: 'Sent messages',
    log: ['Time', 'Participant', 'Recipient', 'Status', 'Cost', 'Mode'],
    free: 'free',
    sandbox: 'Sandbox',
    live: 'Live',
  },
  nl: {
    list: ['Deelnemernummer', 'Status', 'Afzender', 'API-sleutel', 'Saldo'],
    actions: 'Acties voor deelnemer 12345',
    setup: 'Inrichten',
    sendLog: 'Verzendlog',
    grid: 'Verstuurde berichten',
    log: ['Tijd', 'Deelnemer', 'Ontvanger', 'Status', 'Kosten', 'Modus'],
    free: 'gratis',
    sandbox: 'Sandbox',
    live: 'Live',
  },
} as const;

/** An active live profile through the contract, as the wizard makes it; its code SMS is a live log row. */
async function activeProfile(host: HostProcess, fake: FakeMessageBird): Promise<void> {
  await useMessageBird(host);
  const started = await host.call<{ profileId: string }>('startProfileSetup', {
    participantNumber: '12345',
    description: 'Productie',
    originator: 'Acme',
    adminPhone: '+31687654321',
    apiKey: FAKE_LIVE_KEY,
    language: 'en',
  });
  if (!started.ok) throw new Error(JSON.stringify(started));
  const message = fake.messages().at(-1)!;
  fake.setMessageStatus(message.id, 'delivered', { statusReason: 'successfully delivered' });
  const code = /\d{6}/.exec(message.body)?.[0];
  expect((await host.call('verifyProfileCode', { id: started.value.profileId, code })).ok).toBe(true);
  expect((await host.call('activateProfile', { id: started.value.profileId, acknowledgeCosts: true })).ok).toBe(true);
}

/** Nothing inside `area` reaches past its right edge: no horizontal scrolling. */
async function expectNoSidewaysScroll(area: Locator): Promise<void> {
  const { scrollWidth, clientWidth } = await area.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth, 'content wider than its area').toBeLessThanOrEqual(clientWidth);
}

/** Fully inside the window's width. */
async function expectInsideWindow(page: Page, element: Locator): Promise<void> {
  await expect(element).toBeVisible();
  const box = (await element.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
] as const;

for (const size of SIZES) for (const language of ['en', 'nl'] as const) {
  test(`at ${size.width} × ${size.height} the provider list and the send log fit without sideways scrolling (${language})`, async ({ page, host, fake }, testInfo) => {
    const w = WORDS[language];
    await page.setViewportSize(size);
    await activeProfile(host, fake);
    // A Sandbox row beside the live one: the two must look different.
    expect((await host.call('updateSettings', { gatewayMode: 'sandbox', language })).ok).toBe(true);
    expect((await host.call('sendTestCode', { profileId: SANDBOX_PROFILE_ID, recipient: '+31612345678', confirmCost: true })).ok).toBe(true);

    await host.addSessionTo(page.context());
    await page.goto(host.url);
    const main = page.locator('main');
    const table = page.getByRole('table');
    await expect(table.getByRole('row', { name: /12345/ })).toBeVisible();
    for (const header of w.list) await expectInsideWindow(page, table.getByRole('columnheader', { name: header, exact: true }));
    const row = table.getByRole('row', { name: /12345/ });
    await expect(row).toContainText(language === 'nl' ? '€\u00a0100,00' : '€100.00');
    await expectInsideWindow(page, row.getByRole('button', { name: w.actions }));
    await expectNoSidewaysScroll(main);
    await page.screenshot({ path: testInfo.outputPath(`setup-${size.width}-${language}.png`) });

    await page.getByRole('navigation').getByRole('button', { name: w.sendLog }).click();
    const grid = page.getByRole('grid', { name: w.grid });
    const rows = grid.locator('[role=row]:not([aria-rowindex="1"])');
    await expect(rows).toHaveCount(2);
    for (const header of w.log) await expectInsideWindow(page, grid.getByRole('columnheader', { name: header, exact: true }));
    await expectNoSidewaysScroll(page.getByTestId('send-log-scroll'));
    await expectNoSidewaysScroll(main);

    const sandboxRow = grid.locator('[role=row][data-mode="sandbox"]');
    const liveRow = grid.locator('[role=row][data-mode="live"]');
    await expect(sandboxRow.locator('.send-log__cell--mode')).toHaveText(w.sandbox);
    await expect(sandboxRow.locator('.send-log__cell--cost')).toContainText(w.free);
    await expect(liveRow.locator('.send-log__cell--mode')).toHaveText(w.live);
    await expect(liveRow.locator('.send-log__cell--cost')).toContainText('0');
    await expect(liveRow.locator('.send-log__cell--status .badge')).toBeVisible();
    // Essential headers and cells show their whole text: nothing cut off with an ellipsis.
    for (const column of ['time', 'profile', 'recipient', 'cost', 'mode', 'purpose', 'parts']) {
      for (const cell of await grid.locator(`.send-log__cell--${column}`).all()) {
        if (!(await cell.isVisible())) continue; // a lower-priority column this width leaves out
        const whole = await cell.evaluate((el) => el.scrollWidth <= el.clientWidth);
        expect(whole, `${column}: ${(await cell.textContent()) ?? ''}`).toBe(true);
      }
    }
    // Every status badge whole: not cut off by its column.
    for (const badge of await grid.locator('.send-log__cell--status .badge').all()) {
      const fits = await badge.evaluate((el) => {
        const cell = el.closest('.send-log__cell')!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return el.scrollWidth <= el.clientWidth + 1 && box.right <= cell.right + 1 && box.bottom <= cell.bottom + 1;
      });
      expect(fits, (await badge.textContent()) ?? '').toBe(true);
    }
    await page.screenshot({ path: testInfo.outputPath(`send-log-${size.width}-${language}.png`) });
  });
}
