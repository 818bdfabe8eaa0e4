import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createHandlerTable } from '../../../src/main/ipc/handler-table';
import { DialogFileSaver } from '../../../src/main/platform/file-saver';
import { closeServices, type Services } from '../../../src/main/services';
import type { FileSink } from '../../../src/main/services/ports';
import { createTestServices } from '../../support/test-services';
import { manualClock, pending } from '../../unit/main/services/send-log/helpers';
import { dialog, fake } from '../fake-electron';

const tempFolder = () => mkdtempSync(join(tmpdir(), 'saver-'));

describe('DialogFileSaver', () => {
  beforeEach(() => fake.reset());

  it('writes the chosen file with mode 0600, also over an existing world-readable file', async () => {
    const path = join(tempFolder(), 'review.html');
    writeFileSync(path, 'old', { mode: 0o644 });
    fake.setNextSavePath(path);
    const outcome = await new DialogFileSaver(dialog).save({ suggestedName: 'review.html', mimeType: 'text/html', content: '<p>x</p>' });
    expect(outcome).toEqual({ status: 'saved', path });
    expect(readFileSync(path, 'utf8')).toBe('<p>x</p>');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('reports a cancelled dialog', async () => {
    fake.setNextSavePath(undefined);
    expect(await new DialogFileSaver(dialog).save({ suggestedName: 'a.txt', mimeType: 'text/plain', content: 'x' })).toEqual({ status: 'cancelled' });
  });

  it('never calls the content producer when the dialog is cancelled', async () => {
    fake.setNextSavePath(undefined);
    const write = vi.fn();
    expect(await new DialogFileSaver(dialog).save({ suggestedName: 'a.csv', mimeType: 'text/csv', write })).toEqual({ status: 'cancelled' });
    expect(write).not.toHaveBeenCalled();
  });

  it('runs the producer after the dialog and streams what it writes into a 0600 file, in order', async () => {
    const path = join(tempFolder(), 'log.csv');
    writeFileSync(path, 'an older, longer file that must not leave a tail behind', { mode: 0o644 });
    fake.setNextSavePath(path);
    const expected: string[] = [];
    const write = vi.fn((sink: FileSink) => {
      expect(fake.log.some((entry) => entry.startsWith('dialog.showSaveDialog'))).toBe(true);
      // Enough lines to cross several flushes, with multi-byte text and a bytes chunk in between.
      for (let i = 0; i < 20_000; i++) {
        const line = `${i},+31 6 •••• ${String(i).padStart(4, '0')}\r\n`;
        expected.push(line);
        sink.write(line);
        if (i === 9_999) {
          sink.write(Buffer.from('bytes\r\n'));
          expected.push('bytes\r\n');
        }
      }
    });
    const outcome = await new DialogFileSaver(dialog).save({ suggestedName: 'log.csv', mimeType: 'text/csv', write });
    expect(outcome).toEqual({ status: 'saved', path });
    expect(write).toHaveBeenCalledTimes(1);
    expect(readFileSync(path, 'utf8')).toBe(expected.join(''));
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('rejects when the file cannot be written, without calling the producer', async () => {
    fake.setNextSavePath(join(tempFolder(), 'missing-folder', 'log.csv'));
    const write = vi.fn();
    await expect(new DialogFileSaver(dialog).save({ suggestedName: 'log.csv', mimeType: 'text/csv', write })).rejects.toThrow(/ENOENT/);
    expect(write).not.toHaveBeenCalled();
  });

  it('removes the partial file when the producer fails halfway', async () => {
    const path = join(tempFolder(), 'log.csv');
    fake.setNextSavePath(path);
    const write = (sink: FileSink) => {
      sink.write('x'.repeat(200_000)); // already flushed to disk
      throw new Error('disk full');
    };
    await expect(new DialogFileSaver(dialog).save({ suggestedName: 'log.csv', mimeType: 'text/csv', write })).rejects.toThrow('disk full');
    expect(existsSync(path)).toBe(false);
  });
});

describe('exportLog through the Electron file saver', () => {
  const running: Services[] = [];
  beforeEach(() => fake.reset());
  afterEach(async () => {
    for (const s of running.splice(0)) await closeServices(s);
  });

  function setup() {
    const services = createTestServices({ clock: manualClock(), fileSaver: new DialogFileSaver(dialog) });
    running.push(services);
    services.sendLog.appendPending(pending({ recipient: '+31687654321', profileId: 'p1' }));
    services.sendLog.appendPending(pending({ profileId: 'p2' }));
    const table = createHandlerTable(services);
    return { services, call: (method: string, input?: unknown) => dispatch(table, method, input, () => {}) };
  }

  it('saves exactly the CSV the log exports, with mode 0600', async () => {
    const { services, call } = setup();
    const path = join(tempFolder(), 'send-log.csv');
    fake.setNextSavePath(path);
    expect(await call('exportLog', { filter: { profileId: 'p1' } })).toEqual({ ok: true, value: { status: 'saved', path, rows: 1 } });
    const csv = readFileSync(path, 'utf8');
    expect(csv).toBe(services.sendLog.exportCsv({ profileId: 'p1' }));
    expect(csv).toContain("'+31 6 •••• 4321");
    expect(csv).not.toContain('687654321');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('does not read the log when the dialog is cancelled', async () => {
    const { services, call } = setup();
    const exportTo = vi.spyOn(services.sendLog, 'exportTo');
    fake.setNextSavePath(undefined);
    expect(await call('exportLog', { filter: {} })).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(exportTo).not.toHaveBeenCalled();
  });

  it('answers save_failed when the chosen file cannot be written, without the path', async () => {
    const { call } = setup();
    const path = join(tempFolder(), 'no-such-folder', 'send-log.csv');
    fake.setNextSavePath(path);
    const result = await call('exportLog', { filter: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'save_failed' } });
    expect(JSON.stringify(result)).not.toContain('no-such-folder');
  });
});
