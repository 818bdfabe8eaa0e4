import { readFileSync, existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SendLog } from '../../../../../src/main/services/send-log/send-log';
import type { SendLogFilter, SendLogRow, SendLogTotals } from '@shared/send-log-types';
import { SEARCH_TOTALS_CAP } from '@shared/send-log-types';
import { DAY, manualClock, openLog, pending } from './helpers';

const opened: SendLog[] = [];
function fresh(clock = manualClock()) {
  const env = openLog(clock);
  opened.push(env.log);
  return env;
}
afterEach(() => {
  for (const log of opened.splice(0)) log.close();
});

describe('appendPending', () => {
  it('commits a pending row with masked number, hash, country and estimate', () => {
    const { log, clock } = fresh();
    const id = log.appendPending(pending());
    expect(log.get(id)).toEqual({
      id,
      createdAt: clock.now(),
      updatedAt: clock.now(),
      profileId: 'profile-a',
      participantNumber: '12345',
      purpose: 'test',
      recipientMasked: '+31 6 •••• 5678',
      recipientHash: expect.stringMatching(/^[0-9a-f]{32}$/),
      country: 'NL',
      originator: 'AFAS',
      messagebirdId: null,
      status: 'pending',
      statusReason: null,
      errorCode: null,
      parts: 1,
      priceAmount: 0.056,
      priceCurrency: 'EUR',
      priceIsEstimate: true,
      mode: 'live',
    } satisfies SendLogRow);
  });

  it('groups sends to one number by hash, however the number was typed', () => {
    const { log } = fresh();
    const a = log.get(log.appendPending(pending({ recipient: '+31 6 1234 5678' })))!;
    const b = log.get(log.appendPending(pending({ recipient: '0031612345678' })))!;
    const c = log.get(log.appendPending(pending({ recipient: '+31612345679' })))!;
    expect(a.recipientHash).toBe(b.recipientHash);
    expect(c.recipientHash).not.toBe(a.recipientHash);
  });

  it('refuses what is not an international number, and bad enums', () => {
    const { log } = fresh();
    expect(() => log.appendPending(pending({ recipient: '0612345678' }))).toThrow(RangeError);
    expect(() => log.appendPending(pending({ purpose: 'marketing' as never }))).toThrow(RangeError);
    expect(() => log.appendPending(pending({ mode: 'prod' as never }))).toThrow(RangeError);
    expect(() => log.appendPending(pending({ parts: -1 }))).toThrow(RangeError);
    expect(log.stats().rows).toBe(0);
  });

  it('never writes the full number or the code to the database files', () => {
    const { log, path } = fresh();
    const id = log.appendPending(pending({ recipient: '+31687654321' }));
    log.markFailed(id, { reason: 'Code 482913 could not be sent to +31687654321', errorCode: 21 });
    const bytes = ['', '-wal'].filter((s) => existsSync(path + s)).map((s) => readFileSync(path + s).toString('latin1')).join('');
    expect(bytes).toContain('4321');
    expect(bytes).not.toContain('31687654321');
    expect(bytes).not.toContain('687654321');
    expect(bytes).not.toContain('482913');
    expect(log.get(id)!.statusReason).toBe('Code •••• could not be sent to ••••');
  });
});

describe('status changes', () => {
  it('markSent stores the id, maps scheduled to sent, and prefers MessageBird’s price', () => {
    const { log, clock } = fresh();
    const id = log.appendPending(pending());
    clock.advance(1500);
    expect(log.markSent(id, { messagebirdId: 'mb-1', status: 'scheduled', parts: 2, price: { amount: 0.14, currency: 'EUR' } })).toBe(true);
    expect(log.get(id)).toMatchObject({
      messagebirdId: 'mb-1', status: 'sent', parts: 2, priceAmount: 0.14, priceIsEstimate: false, updatedAt: clock.now(),
    });
  });

  it('markSent without a price keeps the estimate', () => {
    const { log } = fresh();
    const id = log.appendPending(pending());
    log.markSent(id, { messagebirdId: 'mb-2', status: 'not_delivered_test_key' });
    expect(log.get(id)).toMatchObject({ status: 'not_delivered_test_key', priceAmount: 0.056, priceIsEstimate: true });
  });

  it('markFailed and markUnknown apply to pending rows only', () => {
    const { log } = fresh();
    const failed = log.appendPending(pending());
    expect(log.markFailed(failed, { reason: 'insufficient balance', errorCode: 25 })).toBe(true);
    expect(log.get(failed)).toMatchObject({ status: 'failed', statusReason: 'insufficient balance', errorCode: '25' });
    expect(log.markUnknown(failed, 'timeout')).toBe(false);
    const unknown = log.appendPending(pending());
    expect(log.markUnknown(unknown, 'timeout after 15 s')).toBe(true);
    expect(log.get(unknown)).toMatchObject({ status: 'unknown', statusReason: 'timeout after 15 s' });
    expect(log.markFailed(unknown, { reason: 'late' })).toBe(false);
    // A late answer proving the message was accepted does upgrade an unknown row.
    expect(log.markSent(unknown, { messagebirdId: 'mb-late', status: 'sent' })).toBe(true);
    expect(log.markFailed(999, { reason: 'x' })).toBe(false);
  });

  it('updateStatus follows in-flight rows and never changes a final one', () => {
    const { log } = fresh();
    const id = log.appendPending(pending());
    expect(log.updateStatus(id, { status: 'delivered' })).toBe(false); // still pending
    log.markSent(id, { messagebirdId: 'mb-3', status: 'sent' });
    expect(log.updateStatus(id, { status: 'buffered', statusReason: 'queued at operator' })).toBe(true);
    expect(log.updateStatus(id, { status: 'delivery_failed', errorCode: 104, price: { amount: 0.06, currency: 'EUR' } })).toBe(true);
    expect(log.get(id)).toMatchObject({ status: 'delivery_failed', errorCode: '104', statusReason: 'queued at operator', priceAmount: 0.06 });
    expect(log.updateStatus(id, { status: 'delivered' })).toBe(false);
    expect(log.get(id)!.status).toBe('delivery_failed');
  });

  it('rejects statuses that are not MessageBird answers', () => {
    const { log } = fresh();
    const id = log.appendPending(pending());
    expect(() => log.markSent(id, { messagebirdId: 'x', status: 'failed' as never })).toThrow(RangeError);
    expect(() => log.markSent(id, { messagebirdId: 'bad id!', status: 'sent' })).toThrow(RangeError);
  });

  it('unfinished lists accepted rows still in flight, oldest first', () => {
    const { log } = fresh();
    const a = log.appendPending(pending());
    const b = log.appendPending(pending());
    const c = log.appendPending(pending());
    log.appendPending(pending()); // stays pending: nothing to poll
    log.markSent(a, { messagebirdId: 'mb-a', status: 'sent' });
    log.markSent(b, { messagebirdId: 'mb-b', status: 'delivered' });
    log.markSent(c, { messagebirdId: 'mb-c', status: 'buffered' });
    expect(log.unfinished().map((r) => r.id)).toEqual([a, c]);
  });

  it('interruptPending turns rows a previous run left pending into unknown', () => {
    const { log, clock } = fresh();
    const old = log.appendPending(pending());
    clock.advance(60_000);
    const current = log.appendPending(pending());
    expect(log.interruptPending(clock.now())).toBe(1);
    expect(log.get(old)).toMatchObject({ status: 'unknown', statusReason: expect.stringContaining('may have been sent') });
    expect(log.get(current)!.status).toBe('pending');
  });
});

/** Totals by brute force over every row, to check the maintained buckets against. */
function expectedTotals(rows: SendLogRow[], f: SendLogFilter): SendLogTotals {
  const match = rows.filter(
    (r) =>
      (f.profileId === undefined || r.profileId === f.profileId) &&
      (f.purpose === undefined || r.purpose === f.purpose) &&
      (f.mode === undefined || r.mode === f.mode) &&
      (f.statuses === undefined || f.statuses.includes(r.status)) &&
      (f.from === undefined || r.createdAt >= f.from) &&
      (f.to === undefined || r.createdAt < f.to),
  );
  const cost = new Map<string, { micros: number; est: boolean }>();
  for (const r of match) {
    // Only live sends that may have left cost money: not Sandbox, a test key or a send refused before it left.
    if (r.mode !== 'live' || r.status === 'failed') continue;
    if (r.priceAmount === null || !r.priceCurrency) continue;
    const e = cost.get(r.priceCurrency) ?? { micros: 0, est: false };
    e.micros += Math.round(r.priceAmount * 1e6);
    e.est ||= r.priceIsEstimate;
    cost.set(r.priceCurrency, e);
  }
  return {
    count: match.length,
    parts: match.reduce((s, r) => s + r.parts, 0),
    cost: [...cost].sort(([a], [b]) => a.localeCompare(b)).map(([currency, e]) => ({ currency, amount: e.micros / 1e6, includesEstimates: e.est })),
    sandboxCount: match.filter((r) => r.mode === 'sandbox').length,
  };
}

function allRows(log: SendLog): SendLogRow[] {
  const rows: SendLogRow[] = [];
  let after = null;
  for (;;) {
    const page = log.query({}, { limit: 500, after, withTotals: false });
    rows.push(...page.rows);
    if (!page.next) return rows;
    after = page.next;
  }
}

/** A few hundred rows over ten days with every kind of status, price and currency. */
function populate(log: SendLog, clock: ReturnType<typeof manualClock>): void {
  let seed = 7;
  const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const start = clock.now();
  for (let i = 0; i < 400; i++) {
    clock.set(start + rand(10 * DAY));
    const id = log.appendPending(
      pending({
        profileId: ['p1', 'p2', 'p3'][rand(3)]!,
        purpose: rand(4) === 0 ? 'confirmation' : 'test',
        mode: (['live', 'test', 'sandbox'] as const)[rand(3)],
        recipient: `+3161234${String(rand(10000)).padStart(4, '0')}`,
        parts: 1 + rand(3),
        estimate: rand(5) === 0 ? null : { amount: 0.056, currency: 'EUR' },
      }),
    );
    const outcome = rand(6);
    if (outcome === 0) log.markFailed(id, { reason: 'refused', errorCode: 21 });
    else if (outcome === 1) log.markUnknown(id, 'timeout');
    else if (outcome >= 2) {
      log.markSent(id, { messagebirdId: `mb${i}`, status: 'sent', ...(rand(2) ? { price: { amount: 0.07, currency: rand(3) ? 'EUR' : 'GBP' } } : {}) });
      if (outcome >= 4) log.updateStatus(id, { status: outcome === 4 ? 'delivered' : 'delivery_failed', parts: 1 + rand(2) });
    }
  }
}

describe('query and totals', () => {
  const filters: Array<[string, (t0: number) => SendLogFilter]> = [
    ['everything', () => ({})],
    ['a profile', () => ({ profileId: 'p2' })],
    ['purpose and mode', () => ({ purpose: 'confirmation', mode: 'live' })],
    ['a status list', () => ({ statuses: ['failed', 'unknown', 'delivery_failed'] })],
    ['an empty status list', () => ({ statuses: [] })],
    ['a range with ragged edges', (t0) => ({ from: t0 + 1.3 * DAY, to: t0 + 6.7 * DAY })],
    ['a range inside one day', (t0) => ({ from: t0 + 2.1 * DAY, to: t0 + 2.6 * DAY })],
    ['from only, on a day boundary', (t0) => ({ from: Math.ceil((t0 + 3 * DAY) / DAY) * DAY })],
    ['to only', (t0) => ({ to: t0 + 4.2 * DAY })],
    ['everything at once', (t0) => ({ profileId: 'p1', purpose: 'test', statuses: ['sent', 'delivered'], from: t0 + 0.5 * DAY, to: t0 + 9 * DAY })],
  ];

  it.each(filters)('totals for %s equal a count of the rows themselves', (_name, make) => {
    const { log, clock } = fresh();
    const t0 = clock.now();
    populate(log, clock);
    const filter = make(t0);
    const expected = expectedTotals(allRows(log), filter);
    const page = log.query(filter, { limit: 500 });
    expect(page.totals).toEqual(expected);
    expect(page.rows).toHaveLength(Math.min(500, expected.count));
  });

  it('totals stay right after purge and clear', () => {
    const { log, clock } = fresh();
    const t0 = clock.now();
    populate(log, clock);
    clock.set(t0 + 14 * DAY);
    const deleted = log.purgeOlderThan(8.5);
    expect(deleted).toBeGreaterThan(0);
    const rows = allRows(log);
    expect(rows.every((r) => r.createdAt >= t0 + 5.5 * DAY)).toBe(true);
    expect(log.totals({})).toEqual(expectedTotals(rows, {}));
    expect(log.totals({ profileId: 'p3' })).toEqual(expectedTotals(rows, { profileId: 'p3' }));
    expect(log.clear()).toBe(rows.length);
    expect(log.totals({})).toEqual({ count: 0, parts: 0, cost: [], sandboxCount: 0 });
    expect(log.stats()).toEqual({ rows: 0, oldestCreatedAt: null, cleared: [{ at: clock.now(), rows: rows.length }] });
  });

  it('pages newest first by offset and by cursor, with the same rows', () => {
    const { log, clock } = fresh();
    populate(log, clock);
    const all = allRows(log);
    const sorted = [...all].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
    expect(all.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
    const second = log.query({}, { offset: 100, limit: 50, withTotals: false });
    expect(second.rows.map((r) => r.id)).toEqual(sorted.slice(100, 150).map((r) => r.id));
    expect(second.totals).toBeUndefined();
    const byCursor = log.query({}, { limit: 50, after: { createdAt: sorted[99]!.createdAt, id: sorted[99]!.id } });
    expect(byCursor.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    expect(() => log.query({}, { limit: 501 })).toThrow(RangeError);
    expect(() => log.query({}, { limit: 0 })).toThrow(RangeError);
  });

  it('searches by last digits, masked fragment, full number, and MessageBird id', () => {
    const { log } = fresh();
    const a = log.appendPending(pending({ recipient: '+31612345678' }));
    const b = log.appendPending(pending({ recipient: '+32470995678' }));
    const c = log.appendPending(pending({ recipient: '+31611112222' }));
    log.markSent(c, { messagebirdId: 'f00dcafe0123', status: 'sent' });
    const ids = (search: string) => log.query({ search }, { limit: 10 }).rows.map((r) => r.id).sort();
    expect(ids('5678')).toEqual([a, b]);
    expect(ids('78')).toEqual([a, b]);
    expect(ids('•••• 5678')).toEqual([a, b]);
    expect(ids('+31 6 •••• 5678')).toEqual([a]);
    expect(ids('+32')).toEqual([b]);
    expect(ids('+31 6 1234 5678')).toEqual([a]);
    expect(ids('+31612345679')).toEqual([]);
    expect(ids('f00dcafe')).toEqual([c]);
    expect(ids('F00DCAFE')).toEqual([]);
    expect(ids('hello')).toEqual([]);
    expect(ids('5%')).toEqual([]);
    expect(log.query({ search: '5678' }, { limit: 10 }).totals).toMatchObject({ count: 2, parts: 2 });
  });

  it('caps the totals of a search that matches very many rows', () => {
    const { log } = fresh();
    for (let i = 0; i <= SEARCH_TOTALS_CAP; i++) log.appendPending(pending());
    const page = log.query({ search: '+31' }, { limit: 10 });
    expect(page.totals).toMatchObject({ count: SEARCH_TOTALS_CAP + 1, capped: true });
    expect(log.totals({}).capped).toBeUndefined();
  });
});

describe('retention', () => {
  it('purgeOlderThan deletes by the injected clock, keeping newer rows', () => {
    const { log, clock } = fresh();
    const old = log.appendPending(pending());
    clock.advance(100 * DAY);
    const recent = log.appendPending(pending());
    clock.advance(81 * DAY);
    expect(log.purgeOlderThan(180)).toBe(1);
    expect(log.get(old)).toBeNull();
    expect(log.get(recent)).not.toBeNull();
    expect(log.purgeOlderThan(180)).toBe(0);
    expect(() => log.purgeOlderThan(-1)).toThrow(RangeError);
  });

  it('stats report rows and the oldest time', () => {
    const { log, clock } = fresh();
    const t0 = clock.now();
    log.appendPending(pending());
    clock.advance(DAY);
    log.appendPending(pending());
    expect(log.stats()).toEqual({ rows: 2, oldestCreatedAt: t0, cleared: [] });
  });
});

describe('send counts for the caps', () => {
  it('survive clearing and retention: send, clear, send cannot pass a cap', () => {
    const { log, clock } = fresh();
    const from = clock.now() - DAY;
    const test = (profileId: string) => log.appendPending(pending({ profileId, purpose: 'test' }));
    test('p1');
    test('p1');
    test('p2');
    log.appendPending(pending({ profileId: 'p3', purpose: 'confirmation' }));
    expect(log.sendCount({ purpose: 'test', from, profileId: 'p1' })).toBe(2);
    expect(log.sendCount({ purpose: 'test', from })).toBe(3);
    expect(log.sendCount({ purpose: 'confirmation', from })).toBe(1);

    clock.advance(1000);
    expect(log.clear()).toBe(4);
    expect(log.purgeOlderThan(0)).toBe(0);
    expect(log.sendCount({ purpose: 'test', from, profileId: 'p1' })).toBe(2);
    expect(log.sendCount({ purpose: 'confirmation', from })).toBe(1);
    // Row ids start again after a clear; the new send counts on top of the old ones.
    test('p1');
    expect(log.sendCount({ purpose: 'test', from, profileId: 'p1' })).toBe(3);
    // Retention removes rows, never counts.
    clock.advance(1000);
    expect(log.purgeOlderThan(0)).toBe(1);
    expect(log.sendCount({ purpose: 'test', from, profileId: 'p1' })).toBe(3);
  });

  it('do not count a send MessageBird refused, and forget sends older than two days', () => {
    const { log, clock } = fresh();
    const refused = log.appendPending(pending({ purpose: 'test' }));
    log.markFailed(refused, { reason: 'refused', errorCode: 2 });
    const maybe = log.appendPending(pending({ purpose: 'test' }));
    log.markUnknown(maybe, 'timeout');
    expect(log.sendCount({ purpose: 'test', from: clock.now() - DAY })).toBe(1);
    clock.advance(3 * DAY);
    log.appendPending(pending({ purpose: 'test' }));
    expect(log.sendCount({ purpose: 'test', from: 0 })).toBe(1);
  });

  it('record every clearing with its time and rows, newest first, and keep it after later clears', () => {
    const { log, clock } = fresh();
    log.appendPending(pending());
    log.appendPending(pending());
    const first = clock.now();
    log.clear();
    clock.advance(60_000);
    log.clear();
    expect(log.stats().cleared).toEqual([
      { at: first + 60_000, rows: 0 },
      { at: first, rows: 2 },
    ]);
  });
});

describe('close', () => {
  it('is idempotent and later calls fail clearly', () => {
    const { log } = openLog();
    log.close();
    log.close();
    expect(() => log.get(1)).toThrow(/closed/);
  });
});
