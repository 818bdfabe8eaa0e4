// Send log: the built renderer in Chromium against the browser host's real handler table,
// with rows written by real (Sandbox) test sends, and a 100,000-row log seeded straight into SQLite.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { DatabaseSync } from 'node:sqlite';
import { openSendLog, SEND_LOG_FILE } from '../../src/main/services/send-log';
import { SANDBOX_PROFILE_ID } from '@shared/contract/test-send';
import { expect, test } from './fixtures';
import { startHostProcess, type HostProcess } from './harness/host-process';

const NL_NUMBER = '+31612345678';
const BE_NUMBER = '+32470123456';

/** A Sandbox test send through the contract, as the test-send page makes it (no profile needed). */
async function sandboxSend(host: HostProcess, recipient: string): Promise<void> {
  const sent = await host.call('sendTestCode', { profileId: SANDBOX_PROFILE_ID, recipient, confirmCost: true });
  expect(sent.ok, JSON.stringify(sent)).toBe(true);
}

async function openSendLogPage(page: Page, host: HostProcess): Promise<Locator> {
  await host.addSessionTo(page.context());
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Send log' }).click();
  return page.getByRole('grid', { name: 'Sent messages' });
}

/** True when the row is fully visible inside the table's scroll area, below the sticky header. */
async function shownInScrollArea(page: Page, row: Locator): Promise<boolean> {
  const area = (await page.getByTestId('send-log-scroll').boundingBox())!;
  const box = (await row.boundingBox())!;
  const headerBottom = area.y + 40;
  return box.y >= headerBottom - 1 && box.y + box.height <= area.y + area.height + 1;
}

/** Data rows (the header row has aria-rowindex 1). */
const dataRows = (grid: Locator) => grid.locator('[role=row]:not([aria-rowindex="1"])');

/**
 * Creates the log file (schema, hash key) as the app would, then bulk-fills it before a host opens it
 * (like bench/seed.ts: one transaction, rows generated inside SQLite, the schema's totals triggers
 * doing their work). `rows` rows over the last 179 days, so the default 180-day retention keeps them;
 * all final (delivered), so no delivery polling starts.
 */
function seededDataDir(rows: number): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'sms-admin-e2e-log-'));
  openSendLog(dataDir, { now: () => Date.now() }).close();
  const db = new DatabaseSync(join(dataDir, SEND_LOG_FILE));
  const now = Date.now();
  const span = 179 * 86_400_000;
  db.exec('BEGIN');
  db.prepare(
    `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?),
       shaped AS (SELECT i, CAST(? + i * ? AS INTEGER) AS t, printf('%04d', (i * 7919) % 10000) AS tail FROM seq)
     INSERT INTO send_log (created_at, updated_at, profile_id, participant_number, purpose, recipient_masked,
       recipient_tail_rev, recipient_hash, country, originator, messagebird_id, status, parts, price_amount,
       price_currency, price_is_estimate, mode)
     SELECT t, t + 2000, 'profile-1', '10001', 'confirmation', '+31 6 •••• ' || tail,
       substr(tail, 4, 1) || substr(tail, 3, 1) || substr(tail, 2, 1) || substr(tail, 1, 1),
       printf('%032x', i), 'NL', 'AFAS', printf('mb%030d', i), 'delivered', 1, 0.056, 'EUR', 0, 'live'
     FROM shaped`,
  ).run(rows, now - span, span / rows);
  db.exec('COMMIT');
  db.close();
  return dataDir;
}

test.describe('send log in the browser', () => {
  test('shows real sends, filters and searches them, exports masked CSV and clears with confirmation', async ({ page, host }) => {
    await sandboxSend(host, NL_NUMBER);
    await sandboxSend(host, NL_NUMBER);
    await sandboxSend(host, BE_NUMBER);

    const grid = await openSendLogPage(page, host);
    await expect(dataRows(grid)).toHaveCount(3);
    await expect(grid).toHaveAttribute('aria-rowcount', '4');
    await expect(page.getByTestId('send-log-totals')).toContainText('3 messages');
    await expect(grid.getByText('+31 6 •••• 5678')).toHaveCount(2);
    await expect(grid.getByText('+32 4 •••• 3456')).toHaveCount(1);
    await expect(grid).not.toContainText('612345678');

    // Search by last digits narrows to the two NL sends; a purpose filter with no match empties it.
    await page.getByLabel('Search').fill('5678');
    await expect(dataRows(grid)).toHaveCount(2);
    await expect(page.getByTestId('send-log-totals')).toContainText('2 messages');
    await page.getByLabel('Search').fill('3456');
    await expect(dataRows(grid)).toHaveCount(1);
    await expect(dataRows(grid).first()).toContainText('BE');
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Purpose').selectOption('confirmation');
    await expect(dataRows(grid)).toHaveCount(0);
    await expect(page.getByText('No messages match this filter.')).toBeVisible();
    await page.getByLabel('Purpose').selectOption('test');
    await expect(dataRows(grid)).toHaveCount(3);

    // Row details from the keyboard.
    await dataRows(grid).first().focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const detail = page.getByRole('dialog', { name: 'Message details' });
    await expect(detail).toContainText('+31 6 •••• 5678');
    await expect(detail).toContainText('Sandbox');
    await page.keyboard.press('Escape');
    await expect(detail).toBeHidden();

    // CSV export of the current filter (test sends to the NL number): a download with masked numbers only.
    await page.getByLabel('Search').fill('5678');
    await expect(dataRows(grid)).toHaveCount(2);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV…' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^send-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('+31 6 •••• 5678');
    expect(csv).not.toContain('612345678');
    expect(csv).not.toContain('+32 4 •••• 3456'); // outside the filter
    expect(csv.trim().split(/\r?\n/)).toHaveLength(3); // header + 2 rows
    await expect(page.getByText('Downloaded 2 messages as a CSV file.')).toBeVisible();

    // Clear: nothing happens before the confirmation; afterwards the log is empty.
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await expect(dataRows(grid)).toHaveCount(3);
    await page.getByRole('button', { name: 'Clear log…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Clear the whole send log?' });
    await expect(confirm).toContainText('All 3 messages in the log will be deleted.');
    await expect(confirm).toContainText('This cannot be undone.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(dataRows(grid)).toHaveCount(3);
    await page.getByRole('button', { name: 'Clear log…' }).click();
    await confirm.getByRole('button', { name: 'Clear log' }).click();
    await expect(page.getByText('The send log was cleared (3 messages deleted).')).toBeVisible();
    await expect(dataRows(grid)).toHaveCount(0);
    await expect(page.getByText(/The send log is empty/)).toBeVisible();
    const info = await host.call<{ rows: number }>('getLogInfo');
    expect(info).toMatchObject({ ok: true, value: { rows: 0 } });
    // The clearing stays on record, with how many messages went.
    await expect(page.getByTestId('send-log-cleared')).toContainText('(3 messages deleted)');
  });

  test('opens a 100,000-row log, scrolls to the end and keeps only a screenful of rows in the DOM', async ({ page }) => {
    test.setTimeout(120_000);
    const dataDir = seededDataDir(100_000);
    const host = await startHostProcess({ dataDir });
    try {
      const grid = await openSendLogPage(page, host);
      await expect(grid).toHaveAttribute('aria-rowcount', '100001');
      await expect(page.getByTestId('send-log-totals')).toContainText('100,000 messages');
      await expect(dataRows(grid).first()).toContainText('+31 6 ••••');
      expect(await dataRows(grid).count()).toBeLessThan(100);

      // End with the keyboard: the last row (the oldest) is loaded, focused and in view.
      await dataRows(grid).first().focus();
      await page.keyboard.press('End');
      const last = grid.locator('[role=row][aria-rowindex="100001"]');
      await expect(last).toBeFocused();
      await expect(last.locator('[role=gridcell]').first()).not.toHaveText('Loading…');
      await expect.poll(() => shownInScrollArea(page, last)).toBe(true);
      expect(await dataRows(grid).count()).toBeLessThan(100);

      // Scrolling with the scroll area itself (like dragging the thumb) reaches the end too.
      await page.keyboard.press('Home');
      await expect(grid.locator('[role=row][aria-rowindex="2"]')).toBeFocused();
      await page.getByTestId('send-log-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
      await expect(last.locator('[role=gridcell]').first()).not.toHaveText('Loading…');
      await expect.poll(() => shownInScrollArea(page, last)).toBe(true);
      const rendered = await dataRows(grid).count();
      expect(rendered).toBeGreaterThan(5);
      expect(rendered).toBeLessThan(100);
    } finally {
      expect(await host.stop()).toBe(0);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
