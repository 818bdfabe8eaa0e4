import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startHost, type RunningHost } from '../../src/host/start-host';

/**
 * The browser host started in-process on a free port, with a one-page renderer and the real services on
 * `dataDir`. Call once at the top of a test file: every host still running when a test ends is closed.
 */
export function useTestHosts(): { start(dataDir: string): Promise<RunningHost>; stop(host: RunningHost): Promise<void> } {
  const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  const running: RunningHost[] = [];

  afterEach(async () => {
    for (const host of running.splice(0)) await host.close();
  });

  return {
    async start(dataDir) {
      const host = await startHost({ port: 0, dataDir, rendererDir, version: '0.0.0-test', env: {}, log: () => {} });
      running.push(host);
      return host;
    },
    async stop(host) {
      running.splice(running.indexOf(host), 1);
      await host.close();
    },
  };
}
