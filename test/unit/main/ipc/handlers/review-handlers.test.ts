import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../../src/main/ipc/dispatch';
import { createHandlerTable } from '../../../../../src/main/ipc/handler-table';
import { closeServices, type Services } from '../../../../../src/main/services';
import type { FileToSave } from '../../../../../src/main/services/ports';
import { writeFileContent } from '../../../../../src/main/services/file-content';
import { createTestServices } from '../../../../support/test-services';

const csv = readFileSync(join(import.meta.dirname, '../../../../fixtures/user-list/users.csv'));
let services: Services;
afterEach(() => closeServices(services));

function table() {
  const files: string[] = [];
  services = createTestServices({
    fileSaver: {
      save: async (file: FileToSave) => {
        const chunks: string[] = [];
        await writeFileContent(file, { write: (c) => void chunks.push(String(c)) });
        files.push(chunks.join(''));
        return { status: 'download', url: '/download/x' };
      },
    },
  });
  const t = createHandlerTable(services);
  return { call: (method: string, input?: unknown) => dispatch(t, method, input, () => {}), files };
}

async function imported(call: ReturnType<typeof table>['call']): Promise<string> {
  const reply = await call('importUserList', { source: 'upload', fileName: 'users.csv', contentBase64: csv.toString('base64') });
  expect(reply).toMatchObject({ ok: true, value: { status: 'imported' } });
  return (reply as { value: { list: { importId: string } } }).value.list.importId;
}

describe('review handlers', () => {
  it('has no user list until one is imported, and clears it', async () => {
    const { call } = table();
    expect(await call('getUserList')).toEqual({ ok: true, value: null });
    const id = await imported(call);
    expect(await call('getUserList')).toMatchObject({ ok: true, value: { importId: id } });
    expect(await call('clearUserList')).toEqual({ ok: true, value: { cleared: true } });
    expect(await call('keepUserList', { importId: id })).toMatchObject({ ok: false, error: { code: 'import_not_found' } });
  });

  it('exports the reasons in Dutch unless English is asked for', async () => {
    const { call, files } = table();
    const id = await imported(call);
    await call('exportEligibilityCsv', { importId: id });
    await call('exportEligibilityCsv', { importId: id, language: 'en' });
    expect(files[0]).toContain('Zelfde e-mailadres en deelnemernummer als regel 3');
    expect(files[1]).toContain('Same e-mail address and participant number as line 3');
  });

  it('names the field of a mapping that does not fit the file', async () => {
    const { call } = table();
    const id = await imported(call);
    expect(await call('classifyUserList', { importId: id, mapping: { email: 0, participantNumber: 0, mobile: null, name: null } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_mapping', field: 'participantNumber' },
    });
    expect(await call('classifyUserList', { importId: id, mapping: { email: 0, participantNumber: 9, mobile: null, name: null } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_mapping', field: 'participantNumber' },
    });
    // Without a participant-number column nothing can be classified, and the list says so.
    expect(await call('classifyUserList', { importId: id, mapping: { email: 0, participantNumber: null, mobile: 2, name: 3 } })).toMatchObject({
      ok: true,
      value: { mappingComplete: false, summary: { users: 0 } },
    });
  });

  it('estimates the cost with or without inputs, and refuses a price that is a typo', async () => {
    const { call } = table();
    expect(await call('estimateCost')).toMatchObject({ ok: true, value: { input: { pricePerPart: 0.056, priceDate: '2021-09', eligibleUsers: 0 } } });
    expect(await call('estimateCost', { eligibleUsers: 10, loginsPerUserPerMonth: 2 })).toMatchObject({ ok: true, value: { monthly: 1.12 } });
    expect(await call('estimateCost', { pricePerPart: 56 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('getCostHistory')).toMatchObject({ ok: true, value: { months: [], total: { count: 0 } } });
  });

  it('refuses an upload that is not base64', async () => {
    const { call } = table();
    expect(await call('importUserList', { source: 'upload', fileName: 'x.csv', contentBase64: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
