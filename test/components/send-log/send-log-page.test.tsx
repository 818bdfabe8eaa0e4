import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SendLogPage } from '../../../src/renderer/src/features/send-log';
import { PAGE_SIZE } from '../../../src/renderer/src/features/send-log/page-cache';
import { useSendLogStore } from '../../../src/renderer/src/features/send-log/send-log-store';
import { ROW_HEIGHT } from '../../../src/renderer/src/features/send-log/SendLogTable';
import { i18n } from '../../../src/renderer/src/i18n';
import type { SmsAdminBridge } from '@shared/contract';
import { ok } from '@shared/result';
import type { SendLogRow } from '@shared/send-log-types';
import { fakeBridge, renderWithBridge, unnamedControls } from '../helpers';
import { fakeLog, filtersSent } from './fake-log';

/** jsdom has no layout: the table's scroll area gets a real-looking size, everything else stays 0. */
const SCROLL_HEIGHT = 440;
const originalClientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
const originalClientWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
const isScrollArea = (el: HTMLElement) => el.dataset.testid === 'send-log-scroll';

beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return isScrollArea(this) ? SCROLL_HEIGHT : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return isScrollArea(this) ? 1200 : 0;
    },
  });
  useSendLogStore.getState().stop();
  useSendLogStore.setState(useSendLogStore.getInitialState(), true);
});

afterEach(() => {
  if (originalClientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', originalClientHeight);
  if (originalClientWidth) Object.defineProperty(HTMLElement.prototype, 'clientWidth', originalClientWidth);
  useSendLogStore.getState().stop();
  vi.useRealTimers();
});

function bridgeFor(log: ReturnType<typeof fakeLog>, overrides: Partial<SmsAdminBridge> = {}): SmsAdminBridge {
  return fakeBridge({
    queryLog: log.queryLog,
    getLogInfo: async () => ok({ retentionDays: 180, rows: 12, oldestCreatedAt: Date.UTC(2025, 0, 1), cleared: [] }),
    listProfiles: async () => ok([]),
    getLogRow: async ({ id }) => ok(log.row(12 - id)),
    ...overrides,
  });
}

const bodyRows = () => screen.getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');
const grid = () => screen.getByRole('grid', { name: 'Sent messages' });
const scrollArea = () => screen.getByTestId('send-log-scroll');

describe('send log page', () => {
  it('renders the rows from the bridge with status words, masked numbers and estimates', async () => {
    const log = fakeLog({ total: 12, patch: (i) => (i === 1 ? { status: 'delivery_failed', statusReason: 'unknown subscriber' } : {}) });
    renderWithBridge(<SendLogPage />, bridgeFor(log));
    await waitFor(() => expect(bodyRows()).toHaveLength(12));
    expect(grid()).toHaveAttribute('aria-rowcount', '13');
    const first = within(bodyRows()[0]!);
    expect(first.getByText('+31 6 •••• 0000')).toBeInTheDocument();
    expect(first.getByText('Delivered')).toBeInTheDocument();
    expect(first.getByText('mb0')).toBeInTheDocument();
    expect(first.getByText('Test')).toBeInTheDocument();
    const second = within(bodyRows()[1]!);
    expect(second.getByText('Not delivered')).toBeInTheDocument();
    // Odd rows carry the app's estimate: marked ≈ and "estimate" in words.
    expect(bodyRows()[1]).toHaveTextContent('≈ €0.056 (estimate)');
    expect(bodyRows()[0]).not.toHaveTextContent('estimate');
    expect(screen.getByTestId('send-log-totals')).toHaveTextContent('12 messages');
    expect(screen.getByTestId('send-log-totals')).toHaveTextContent('(includes estimates)');
    expect(unnamedControls()).toEqual([]);
  });

  it('keeps fewer than 100 rows in the DOM for a million-row log and fetches the page it scrolls to', async () => {
    const log = fakeLog({ total: 1_000_000 });
    renderWithBridge(<SendLogPage />, bridgeFor(log));
    await waitFor(() => expect(screen.getByText('mb0')).toBeInTheDocument());
    expect(grid()).toHaveAttribute('aria-rowcount', '1000001');
    expect(bodyRows().length).toBeGreaterThan(5);
    expect(bodyRows().length).toBeLessThan(100);
    const before = log.queryLog.mock.calls.length;

    // Scroll to the middle: the scroll area is scaled (40 M px of rows in a 15 M px area).
    const area = scrollArea();
    act(() => {
      area.scrollTop = 7_500_000;
      fireEvent.scroll(area);
    });
    await waitFor(() => expect(log.queryLog.mock.calls.length).toBeGreaterThan(before));
    const jump = log.queryLog.mock.calls.slice(before).map(([input]) => input);
    // A jump goes by offset to a page boundary near the middle, without totals and without the rows in between.
    expect(jump.length).toBeLessThanOrEqual(3);
    for (const input of jump) {
      expect(input.withTotals).toBe(false);
      expect(input.offset! % PAGE_SIZE).toBe(0);
      expect(input.offset).toBeGreaterThan(490_000);
      expect(input.offset).toBeLessThan(510_000);
    }
    // The rows in view now come from that page: row index i shows `mb<i>` (aria-rowindex is i + 2).
    await waitFor(() => {
      const deep = bodyRows().filter((r) => Number(r.getAttribute('aria-rowindex')) > 490_000);
      expect(deep.length).toBeGreaterThan(5);
      for (const row of deep) expect(row).toHaveTextContent(`mb${Number(row.getAttribute('aria-rowindex')) - 2}`);
    });
    expect(bodyRows().length).toBeLessThan(100);

    // Scrolling on by a page's worth follows the cursor, not a deep offset.
    const nextCalls = log.queryLog.mock.calls.length;
    act(() => {
      area.scrollTop += (PAGE_SIZE * ROW_HEIGHT) / 2.6;
      fireEvent.scroll(area);
    });
    await waitFor(() => expect(log.queryLog.mock.calls.length).toBeGreaterThan(nextCalls));
    expect(log.queryLog.mock.calls.slice(nextCalls).some(([input]) => input.after !== undefined)).toBe(true);
    expect(bodyRows().length).toBeLessThan(100);
  });

  it('sends the chosen filters to queryLog, the search only after typing pauses', async () => {
    const log = fakeLog({ total: 30 });
    renderWithBridge(<SendLogPage />, bridgeFor(log));
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));

    await userEvent.selectOptions(screen.getByLabelText('Purpose'), 'test');
    await waitFor(() => expect(filtersSent(log.queryLog).at(-1)).toEqual({ purpose: 'test' }));

    await userEvent.click(screen.getByText('All statuses'));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Failed' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Delivered' }));
    await waitFor(() => expect(filtersSent(log.queryLog).at(-1)).toEqual({ purpose: 'test', statuses: ['delivered', 'failed'] }));

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '01/06/2025' } });
    fireEvent.change(screen.getByLabelText('To (inclusive)'), { target: { value: '17/06/2025' } });
    await waitFor(() =>
      expect(filtersSent(log.queryLog).at(-1)).toMatchObject({
        from: new Date(2025, 5, 1).getTime(),
        // Inclusive in the field, exclusive in the filter: up to the next local midnight.
        to: new Date(2025, 5, 18).getTime(),
      }),
    );

    const calls = log.queryLog.mock.calls.length;
    await userEvent.type(screen.getByLabelText('Search'), '5678');
    // Typed four keys: no query yet (debounced) …
    expect(log.queryLog.mock.calls.length).toBe(calls);
    // … then one query with the whole term.
    await waitFor(() => expect(filtersSent(log.queryLog).at(-1)).toMatchObject({ search: '5678' }));
    expect(filtersSent(log.queryLog).filter((f) => f.search !== undefined).map((f) => f.search)).toEqual(['5678']);

    await userEvent.click(screen.getByRole('button', { name: 'Reset filters' }));
    await waitFor(() => expect(filtersSent(log.queryLog).at(-1)).toEqual({}));
  });

  it('shows a reversed date range as an error and does not apply it', async () => {
    const log = fakeLog({ total: 3 });
    renderWithBridge(<SendLogPage />, bridgeFor(log));
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '20/06/2025' } });
    fireEvent.change(screen.getByLabelText('To (inclusive)'), { target: { value: '10/06/2025' } });
    expect(await screen.findByText(/The start date is after the end date/)).toBeInTheDocument();
    await waitFor(() => expect(filtersSent(log.queryLog).at(-1)).toEqual({}));
    expect(filtersSent(log.queryLog).some((f) => f.from !== undefined && f.to !== undefined)).toBe(false);
  });

  it('shows totals for the filter, and "5,000+" when a search was capped', async () => {
    const log = fakeLog({ total: 6_000, totals: { count: 5_001, parts: 5_100, capped: true, cost: [{ currency: 'EUR', amount: 285.6, includesEstimates: false }] } });
    renderWithBridge(<SendLogPage />, bridgeFor(log));
    const totals = await screen.findByTestId('send-log-totals');
    await waitFor(() => expect(totals).toHaveTextContent('5,000+ messages'));
    expect(totals).toHaveTextContent('5,100 SMS parts');
    expect(totals).toHaveTextContent('cost €285.60');
    expect(totals).not.toHaveTextContent('includes estimates');
    expect(screen.getByText(/counts its first 5,000 matches only/)).toBeInTheDocument();
    // How many rows match is unknown until the end is reached: ARIA says so with -1.
    expect(grid()).toHaveAttribute('aria-rowcount', '-1');
  });

  it('Sandbox, test-key and never-sent rows cost nothing and say so; Sandbox rows are counted apart', async () => {
    const patch = (i: number): Partial<SendLogRow> =>
      i === 0 ? { mode: 'sandbox', priceIsEstimate: false } : i === 1 ? { mode: 'test' } : i === 2 ? { status: 'failed', errorCode: '21' } : { priceIsEstimate: false, errorCode: 'unknown' };
    const log = fakeLog({ total: 4, patch, totals: { count: 4, parts: 4, sandboxCount: 1, cost: [{ currency: 'EUR', amount: 0.056, includesEstimates: false }] } });
    renderWithBridge(<SendLogPage />, bridgeFor(log, { getLogRow: async ({ id }) => ok(log.row(4 - id)) }));
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    expect(bodyRows()[0]).toHaveAttribute('data-mode', 'sandbox');
    expect(bodyRows()[0]).toHaveTextContent('free (Sandbox: simulated, nothing charged)');
    expect(bodyRows()[0]).not.toHaveTextContent('€');
    expect(bodyRows()[1]).toHaveTextContent('free (Test key: nothing delivered, nothing charged)');
    expect(bodyRows()[2]).toHaveTextContent('free (Not sent: nothing charged)');
    expect(bodyRows()[3]).toHaveTextContent('€0.056');
    const totals = screen.getByTestId('send-log-totals');
    expect(totals).toHaveTextContent('4 messages');
    expect(totals).toHaveTextContent('1 of them in Sandbox (free)');

    // A Sandbox price is not "reported by MessageBird".
    await userEvent.click(bodyRows()[0]!);
    let facts = within(await screen.findByRole('dialog', { name: 'Message details' })).getByTestId('send-log-detail');
    await waitFor(() => expect(facts).toHaveTextContent('PriceNothing (Sandbox: simulated)'));
    expect(facts).not.toHaveTextContent('reported by MessageBird');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Message details' })).toBeNull());

    // A delivered message shows no error code at all.
    await userEvent.click(bodyRows()[3]!);
    facts = within(await screen.findByRole('dialog', { name: 'Message details' })).getByTestId('send-log-detail');
    await waitFor(() => expect(facts).toHaveTextContent('€0.056 (reported by MessageBird)'));
    expect(facts).not.toHaveTextContent('Error code');
  });

  it('reports each export outcome: saved path, browser download, cancelled', async () => {
    const outcomes = [
      ok({ status: 'saved' as const, path: '/home/admin/send-log-2025-06-17.csv', rows: 12 }),
      ok({ status: 'download' as const, url: '/download/abc123', rows: 1 }),
      ok({ status: 'cancelled' as const }),
    ];
    const exportLog = vi.fn<SmsAdminBridge['exportLog']>(async () => outcomes.shift()!);
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.getAttribute('download') !== null ? 'download ' : ''}${this.href}`);
    });
    const log = fakeLog({ total: 12 });
    renderWithBridge(<SendLogPage />, bridgeFor(log, { exportLog }));
    await waitFor(() => expect(bodyRows()).toHaveLength(12));
    await userEvent.selectOptions(screen.getByLabelText('Purpose'), 'confirmation');
    await waitFor(() => expect(filtersSent(log.queryLog).at(-1)).toEqual({ purpose: 'confirmation' }));

    const button = screen.getByRole('button', { name: 'Export CSV…' });
    await userEvent.click(button);
    expect(await screen.findByText('Exported 12 messages to /home/admin/send-log-2025-06-17.csv.')).toBeInTheDocument();
    expect(exportLog).toHaveBeenLastCalledWith({ filter: { purpose: 'confirmation' }, language: 'en' });

    await userEvent.click(button);
    expect(await screen.findByText('Downloaded 1 message as a CSV file.')).toBeInTheDocument();
    expect(clicked).toEqual([`download ${window.location.origin}/download/abc123`]);

    await userEvent.click(button);
    expect(await screen.findByText('Export cancelled; nothing was saved.')).toBeInTheDocument();
    expect(clicked).toHaveLength(1);
    click.mockRestore();
  });

  it('asks before clearing the log and calls clearLog only after the admin confirms', async () => {
    const clearLog = vi.fn<SmsAdminBridge['clearLog']>(async () => ok({ deleted: 12 }));
    const log = fakeLog({ total: 12 });
    renderWithBridge(<SendLogPage />, bridgeFor(log, { clearLog }));
    await screen.findByText('The log holds 12 messages and keeps messages for 180 days.');

    await userEvent.click(screen.getByRole('button', { name: 'Clear log…' }));
    const dialog = screen.getByRole('dialog', { name: 'Clear the whole send log?' });
    expect(dialog).toHaveTextContent('All 12 messages in the log will be deleted.');
    expect(dialog).toHaveTextContent('This cannot be undone. Export the log first');
    // Focus starts on the safe choice.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(clearLog).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Clear log…' }));
    await userEvent.click(within(screen.getByRole('dialog', { name: 'Clear the whole send log?' })).getByRole('button', { name: 'Clear log' }));
    await waitFor(() => expect(clearLog).toHaveBeenCalledWith({ confirm: true }));
    expect(await screen.findByText('The send log was cleared (12 messages deleted).')).toBeInTheDocument();
  });

  it('counts what a shorter retention deletes and asks before changing it', async () => {
    const setRetentionDays = vi.fn<SmsAdminBridge['setRetentionDays']>(async ({ days }) => ok({ retentionDays: days, deleted: 7 }));
    const base = fakeLog({ total: 12 });
    const queryLog = vi.fn<SmsAdminBridge['queryLog']>(async (input) =>
      input.filter.to !== undefined && input.limit === 1 ? ok({ rows: [], next: null, totals: { count: 7, parts: 7, cost: [], sandboxCount: 0 } }) : base.queryLog(input),
    );
    renderWithBridge(<SendLogPage />, bridgeFor({ ...base, queryLog }, { setRetentionDays }));
    const field = await screen.findByLabelText('Keep messages for (days)');
    await waitFor(() => expect(field).toHaveValue('180'));
    await userEvent.clear(field);
    await userEvent.type(field, '30');
    await userEvent.click(screen.getByRole('button', { name: 'Change retention…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Keep messages for 30 days?' });
    expect(dialog).toHaveTextContent('7 messages are older than 30 days and will be deleted now.');
    expect(setRetentionDays).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change retention' }));
    await waitFor(() => expect(setRetentionDays).toHaveBeenCalledWith({ days: 30 }));
    expect(await screen.findByText('Messages are now kept for 30 days; 7 older messages were deleted.')).toBeInTheDocument();
  });

  it('moves the focused row with the keyboard and opens its details with Enter', async () => {
    const log = fakeLog({ total: 500, patch: (i) => (i === 499 ? { status: 'failed', statusReason: 'Request not allowed', errorCode: '2', messagebirdId: null } : {}) });
    const getLogRow = vi.fn<SmsAdminBridge['getLogRow']>(async ({ id }) => ok(log.row(500 - id)));
    renderWithBridge(<SendLogPage />, bridgeFor(log, { getLogRow }));
    await waitFor(() => expect(screen.getByText('mb0')).toBeInTheDocument());
    const first = bodyRows()[0]!;
    expect(first).toHaveAttribute('tabindex', '0');
    expect(bodyRows()[1]).toHaveAttribute('tabindex', '-1');
    act(() => first.focus());

    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '3');
    await userEvent.keyboard('{ArrowDown}{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '2');
    await userEvent.keyboard('{PageDown}');
    const afterPage = Number(document.activeElement?.getAttribute('aria-rowindex'));
    expect(afterPage).toBeGreaterThan(5);
    expect(afterPage).toBeLessThan(15);

    await userEvent.keyboard('{End}');
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '501');
    expect(scrollArea().scrollTop).toBeGreaterThan(0);
    await waitFor(() => expect(document.activeElement).toHaveTextContent('Failed'));
    expect(bodyRows().length).toBeLessThan(100);

    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Message details' });
    await waitFor(() => expect(getLogRow).toHaveBeenCalledWith({ id: 1 }));
    const facts = within(dialog).getByTestId('send-log-detail');
    expect(facts).toHaveTextContent('Status reasonMessageBird reports:Request not allowed');
    expect(facts).toHaveTextContent('Error code2');
    expect(facts).toHaveTextContent('Recipient (masked)+31 6 •••• 0499');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Message details' })).toBeNull());
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '501');

    await userEvent.keyboard('{Home}');
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '2');
  });

  it('refreshes rows still in flight every few seconds while visible, one request at a time', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let status: 'sent' | 'delivered' = 'sent';
    const log = fakeLog({ total: 3, patch: (i) => (i === 0 ? { status } : {}) });
    renderWithBridge(<SendLogPage />, bridgeFor(log));
    await waitFor(() => expect(within(bodyRows()[0]!).getByText('Sent')).toBeInTheDocument());
    const calls = log.queryLog.mock.calls.length;
    status = 'delivered';
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3_100);
    });
    await waitFor(() => expect(within(bodyRows()[0]!).getByText('Delivered')).toBeInTheDocument());
    const afterRefresh = log.queryLog.mock.calls.length;
    expect(afterRefresh).toBeGreaterThan(calls);
    // Nothing in flight any more: no further requests.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(log.queryLog.mock.calls.length).toBe(afterRefresh);
  });

  it('reads in Dutch with Dutch number and date formats', async () => {
    await i18n.changeLanguage('nl');
    const log = fakeLog({ total: 1_234, totals: { parts: 1_300 } });
    renderWithBridge(<SendLogPage />, bridgeFor(log));
    const totals = await screen.findByTestId('send-log-totals');
    await waitFor(() => expect(totals).toHaveTextContent('1.234 berichten'));
    expect(totals).toHaveTextContent('1.300 sms-delen');
    expect(screen.getByRole('grid', { name: 'Verstuurde berichten' })).toBeInTheDocument();
    expect(within(bodyRows()[0]!).getByText('Afgeleverd')).toBeInTheDocument();
    expect(bodyRows()[0]).toHaveTextContent('17-06-2025');
    // Date fields follow the app language, not the browser's: dd-mm-jjjj.
    const from = screen.getByLabelText('Van');
    expect(from).toHaveAttribute('placeholder', 'dd-mm-jjjj');
    fireEvent.change(from, { target: { value: '01-06-2025' } });
    await waitFor(() => expect(filtersSent(log.queryLog).at(-1)).toMatchObject({ from: new Date(2025, 5, 1).getTime() }));
    fireEvent.change(from, { target: { value: '31-02-2025' } });
    expect(from).toHaveAccessibleDescription(/Vul een bestaande datum in als dd-mm-jjjj/);
    expect(screen.getByRole('button', { name: 'Verzendlog wissen…' })).toBeInTheDocument();
    expect(unnamedControls()).toEqual([]);
  });
});
