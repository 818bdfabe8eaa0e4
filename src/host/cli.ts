/**
 * `npm run web -- --port N --data-dir DIR`: the browser host. Prints the address to open (with its
 * one-time token) as a line containing `http://127.0.0.1:N/`, and stops cleanly on SIGTERM/SIGINT.
 */
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SettingsFileUnreadableError } from '../main/services/settings/open-settings-store';
import { startHost } from './start-host';

function fail(message: string): never {
  console.error(`sms-provider-admin web: ${message}`);
  process.exit(2);
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, got "${text}"`);
  return port;
}

async function main(): Promise<void> {
  let values: { port?: string; 'data-dir'?: string };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const host = await startHost({
    port: parsePort(values.port),
    dataDir: resolve(values['data-dir'] ?? join(homedir(), '.sms-provider-admin-web')),
    rendererDir: resolve(here, '../renderer'),
    version: __APP_VERSION__,
    env: process.env,
    testHooks: process.env.SMS_ADMIN_TEST_HOOKS === '1',
    log: (message, error) => console.error(message, error),
  });
  console.log(`SMS Provider Admin (browser host) is running. Open: ${host.url}`);
  console.log('Press Ctrl+C to stop.');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    host
      .close()
      .then(() => {
        console.log(`Stopped (${signal}).`);
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error('Stopping failed', error);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  // A problem the admin must fix in the data folder gets one line saying which file and what to do;
  // anything else is a bug, and its stack is what a bug report needs.
  if (error instanceof SettingsFileUnreadableError) {
    console.error(`sms-provider-admin web: could not start. ${error.message}`);
  } else {
    console.error('sms-provider-admin web: could not start', error);
  }
  process.exit(1);
});
