import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createHandlerTable } from '../../../src/main/ipc/handler-table';
import { DialogFileOpener } from '../../../src/main/platform/file-opener';
import { closeServices, type Services } from '../../../src/main/services';
import { createTestServices } from '../../support/test-services';
import { csvText } from '../../fixtures/user-list/make-fixtures';
import { dialog, fake } from '../fake-electron';

const folder = () => mkdtempSync(join(tmpdir(), 'opener-'));
const request = { filters: [{ name: 'CSV', extensions: ['csv'] }], maxBytes: 100 };

describe('DialogFileOpener', () => {
  beforeEach(() => fake.reset());

  it('reads the chosen file with its name', async () => {
    const path = join(folder(), 'users.csv');
    writeFileSync(path, 'email;deelnemernummer\n');
    fake.setNextOpenPath(path);
    const outcome = await new DialogFileOpener(dialog).open(request);
    expect(outcome).toMatchObject({ status: 'opened', fileName: 'users.csv' });
    expect(outcome.status === 'opened' && Buffer.from(outcome.content).toString()).toBe('email;deelnemernummer\n');
  });

  it('reports a cancelled dialog', async () => {
    fake.setNextOpenPath(undefined);
    expect(await new DialogFileOpener(dialog).open(request)).toEqual({ status: 'cancelled' });
  });

  it('does not read a file over the cap', async () => {
    const path = join(folder(), 'big.csv');
    writeFileSync(path, 'x'.repeat(101));
    fake.setNextOpenPath(path);
    expect(await new DialogFileOpener(dialog).open(request)).toEqual({ status: 'too_large', fileName: 'big.csv', size: 101 });
  });
});

describe('user list import through the open dialog', () => {
  let services: Services;
  beforeEach(() => {
    fake.reset();
    services = createTestServices({ fileOpener: new DialogFileOpener(dialog) });
  });
  afterEach(() => closeServices(services));

  it('imports the file the admin picks, and a cancelled dialog imports nothing', async () => {
    const table = createHandlerTable(services);
    const path = join(folder(), 'users.csv');
    writeFileSync(path, csvText());
    fake.setNextOpenPath(path);
    expect(await dispatch(table, 'importUserList', { source: 'dialog' }, () => {})).toMatchObject({
      ok: true,
      value: { status: 'imported', list: { fileName: 'users.csv', format: 'csv', delimiter: ';', summary: { rowsRead: 15 } } },
    });
    fake.setNextOpenPath(undefined);
    expect(await dispatch(table, 'importUserList', { source: 'dialog' }, () => {})).toEqual({ ok: true, value: { status: 'cancelled' } });
  });
});
