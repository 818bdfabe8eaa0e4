import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../../src/main/ipc/dispatch';
import { createHandlerTable } from '../../../../../src/main/ipc/handler-table';
import { closeServices, type Services } from '../../../../../src/main/services';
import { SEND_LOG_FILE } from '../../../../../src/main/services/send-log';
import type { StartupWarning } from '@shared/contract/platform';
import { createTestServices } from '../../../../support/test-services';
import { manualClock, tempDir } from './helpers';

const running: Services[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await closeServices(s);
});

describe('a damaged send log at start-up, through the handler table', () => {
  it('reports send_log_corrupt in getAppInfo next to the host warnings, and the new log works', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, SEND_LOG_FILE), 'not a database '.repeat(100));
    const clock = manualClock();
    const hostWarning: StartupWarning = { code: 'settings_corrupt', movedTo: join(dataDir, 'config.corrupt-1.json') };
    const services = createTestServices({ dataDir, clock, startupWarnings: [hostWarning] });
    running.push(services);
    const table = createHandlerTable(services);
    const call = (method: string, input?: unknown) => dispatch(table, method, input, () => {});

    const info = await call('getAppInfo');
    expect(info.ok).toBe(true);
    if (!info.ok) return;
    expect((info.value as { warnings: StartupWarning[] }).warnings).toEqual([
      hostWarning,
      { code: 'send_log_corrupt', movedTo: join(dataDir, `send-log.corrupt-${clock.now()}.sqlite`) },
    ]);
    // The fresh log is in use: an empty page, not an error.
    expect(await call('queryLog', { filter: {}, limit: 10 })).toMatchObject({ ok: true, value: { rows: [] } });
  });

  it('reports no warning for a healthy log', async () => {
    const services = createTestServices({ clock: manualClock() });
    running.push(services);
    const info = await dispatch(createHandlerTable(services), 'getAppInfo', undefined, () => {});
    expect(info).toMatchObject({ ok: true, value: { warnings: [] } });
  });
});
