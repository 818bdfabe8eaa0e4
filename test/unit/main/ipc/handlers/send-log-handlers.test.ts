import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../../src/main/ipc/dispatch';
import { createHandlerTable } from '../../../../../src/main/ipc/handler-table';
import { closeServices, type Services } from '../../../../../src/main/services';
import { openSendLog } from '../../../../../src/main/services/send-log';
import { writeFileContent } from '../../../../../src/main/services/file-content';
import type { FileSaver } from '../../../../../src/main/services/ports';
import { createTestServices } from '../../../../support/test-services';
import { DAY, manualClock, pending, tempDir } from '../../services/send-log/helpers';

const running: Services[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await closeServices(s);
});

function setup(options: { fileSaver?: FileSaver; dataDir?: string; clock?: ReturnType<typeof manualClock> } = {}) {
  const clock = options.clock ?? manualClock();
  const saved: Array<{ suggestedName: string; mimeType: string; content: string | Uint8Array }> = [];
  const fileSaver: FileSaver = options.fileSaver ?? {
    save: async (file) => {
      // Like a saver whose destination is chosen: the content is produced now.
      const chunks: string[] = [];
      writeFileContent(file, { write: (chunk) => void chunks.push(String(chunk)) });
      saved.push({ suggestedName: file.suggestedName, mimeType: file.mimeType, content: chunks.join('') });
      return { status: 'saved', path: `/tmp/${file.suggestedName}` };
    },
  };
  const services = createTestServices({ clock, fileSaver, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  running.push(services);
  const table = createHandlerTable(services);
  const call = (method: string, input?: unknown) => dispatch(table, method, input, () => {});
  return { services, call, clock, saved };
}

describe('send-log handlers: validation', () => {
  it.each([
    ['a page that is too large', 'queryLog', { filter: {}, limit: 501 }, 'limit'],
    ['an empty page', 'queryLog', { filter: {}, limit: 0 }, 'limit'],
    ['an unknown status', 'queryLog', { filter: { statuses: ['lost'] }, limit: 10 }, 'filter.statuses.0'],
    ['an over-long search', 'queryLog', { filter: { search: 'x'.repeat(65) }, limit: 10 }, 'filter.search'],
    ['a range that ends before it starts', 'queryLog', { filter: { from: 2000, to: 1000 }, limit: 10 }, 'filter.to'],
    ['an unknown filter field', 'queryLog', { filter: { phone: '+31612345678' }, limit: 10 }, 'filter'],
    ['a fractional id', 'getLogRow', { id: 1.5 }, 'id'],
    ['clear without confirmation', 'clearLog', {}, 'confirm'],
    ['clear with confirm false', 'clearLog', { confirm: false }, 'confirm'],
    ['a retention of 0 days', 'setRetentionDays', { days: 0 }, 'days'],
    ['a retention above the cap', 'purgeLog', { olderThanDays: 100_000 }, 'olderThanDays'],
  ])('refuses %s', async (_label, method, input, field) => {
    const { call } = setup();
    const result = await call(method, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.field ?? '').toContain(field);
  });
});

describe('send-log handlers: behaviour', () => {
  it('queryLog returns rows and totals; getLogRow returns one or not_found', async () => {
    const { services, call } = setup();
    const id = services.sendLog.appendPending(pending());
    const page = await call('queryLog', { filter: { purpose: 'test', search: '5678' }, limit: 10 });
    expect(page).toMatchObject({ ok: true, value: { rows: [{ id, recipientMasked: '+31 6 •••• 5678' }], totals: { count: 1 } } });
    expect(await call('getLogRow', { id })).toMatchObject({ ok: true, value: { id } });
    expect(await call('getLogRow', { id: id + 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('exportLog saves CSV of the filter through the file saver, masked numbers only', async () => {
    const { services, call, saved } = setup();
    services.sendLog.appendPending(pending({ recipient: '+31687654321', profileId: 'p1' }));
    services.sendLog.appendPending(pending({ profileId: 'p2' }));
    const result = await call('exportLog', { filter: { profileId: 'p1' } });
    expect(result).toEqual({ ok: true, value: { status: 'saved', path: expect.stringMatching(/send-log-2026-01-15\.csv$/), rows: 1 } });
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ suggestedName: 'send-log-2026-01-15.csv', mimeType: 'text/csv' });
    const content = String(saved[0]!.content);
    expect(content).toContain('+31 6 •••• 4321');
    expect(content).not.toContain('687654321');
    expect(content).not.toContain('p2');
  });

  it('exportLog reports a cancelled dialog and a failing save', async () => {
    const cancelled = setup({ fileSaver: { save: async () => ({ status: 'cancelled' }) } });
    expect(await cancelled.call('exportLog', { filter: {} })).toEqual({ ok: true, value: { status: 'cancelled' } });
    const failing = setup({ fileSaver: { save: async () => Promise.reject(new Error('EACCES /home/admin')) } });
    const result = await failing.call('exportLog', { filter: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'save_failed' } });
    expect(JSON.stringify(result)).not.toContain('/home/admin');
  });

  it('purgeLog uses the retention preference; setRetentionDays stores it and purges', async () => {
    const { services, call, clock } = setup();
    services.sendLog.appendPending(pending());
    clock.advance(40 * DAY);
    services.sendLog.appendPending(pending());
    clock.advance(10 * DAY);
    expect(await call('purgeLog', {})).toEqual({ ok: true, value: { deleted: 0, olderThanDays: 180 } });
    expect(await call('setRetentionDays', { days: 45 })).toEqual({ ok: true, value: { retentionDays: 45, deleted: 1 } });
    expect(services.preferences.get().sendLogRetentionDays).toBe(45);
    expect(await call('getLogInfo')).toEqual({ ok: true, value: { retentionDays: 45, rows: 1, oldestCreatedAt: clock.now() - 10 * DAY, cleared: [] } });
    expect(await call('purgeLog', { olderThanDays: 5 })).toEqual({ ok: true, value: { deleted: 1, olderThanDays: 5 } });
  });

  it('clearLog empties the log when confirmed', async () => {
    const { services, call } = setup();
    services.sendLog.appendPending(pending());
    services.sendLog.appendPending(pending());
    expect(await call('clearLog', { confirm: true })).toEqual({ ok: true, value: { deleted: 2 } });
    expect(services.sendLog.stats().rows).toBe(0);
  });
});

describe('createServices start-up', () => {
  it('purges rows past the retention and marks interrupted sends unknown', async () => {
    const dataDir = tempDir();
    const clock = manualClock();
    const before = openSendLog(dataDir, clock);
    const old = before.appendPending(pending());
    clock.advance(181 * DAY);
    const interrupted = before.appendPending(pending());
    before.close();
    clock.advance(60_000);
    const { services } = setup({ dataDir, clock });
    expect(services.sendLog.get(old)).toBeNull();
    expect(services.sendLog.get(interrupted)).toMatchObject({ status: 'unknown' });
  });
});
