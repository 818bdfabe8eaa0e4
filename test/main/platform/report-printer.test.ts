import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createHandlerTable } from '../../../src/main/ipc/handler-table';
import { WindowReportPrinter } from '../../../src/main/platform/report-printer';
import { closeServices, type Services } from '../../../src/main/services';
import { createTestServices } from '../../support/test-services';
import { BrowserWindow, dialog, fake } from '../fake-electron';

describe('WindowReportPrinter', () => {
  let services: Services;
  let window: BrowserWindow;
  beforeEach(() => {
    fake.reset();
    window = new BrowserWindow();
    services = createTestServices({ reportPrinter: new WindowReportPrinter(dialog, () => window as unknown as ElectronWindow) });
  });
  afterEach(() => closeServices(services));

  it('prints the window to a PDF the admin saves, mode 0600 even over an existing file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pdf-')), 'review.pdf');
    writeFileSync(path, 'old', { mode: 0o644 });
    fake.setNextSavePath(path);
    const reply = await dispatch(createHandlerTable(services), 'saveReportPdf', undefined, () => {});
    expect(reply).toEqual({ ok: true, value: { status: 'saved', path } });
    expect(readFileSync(path, 'utf8')).toMatch(/^%PDF-1\.7/);
    expect(readFileSync(path, 'utf8')).toContain('"printBackground":true');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('prints nothing when the save dialog is cancelled', async () => {
    fake.setNextSavePath(undefined);
    expect(await dispatch(createHandlerTable(services), 'saveReportPdf', undefined, () => {})).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(fake.log).not.toContain('webContents.printToPDF');
  });
});
