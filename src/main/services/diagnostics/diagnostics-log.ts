/**
 * Main-process diagnostics in `logs/main.log` in the data folder, for the desktop app and the browser
 * host alike (electron-log's plain-Node logger, so no Electron needed). Rotates at about 1 MB and keeps
 * three older files (main.1.log newest … main.3.log oldest). Every line passes the redactor first,
 * whichever method wrote it: the log is something an admin may attach to a support request.
 */
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import electronLog from 'electron-log/node';
import { Redactor } from './redact';

export const DIAGNOSTICS_LOG_DIR = 'logs';
export const DIAGNOSTICS_LOG_FILE = 'main.log';
export const DIAGNOSTICS_MAX_BYTES = 1024 * 1024;
export const DIAGNOSTICS_KEEP = 3;

type Level = 'error' | 'warn' | 'info' | 'debug';

export interface DiagnosticsLog {
  /** The current log file (for Settings: open it, or show where it is). */
  readonly path: string;
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
  /** The `(message, error?)` shape the services and the IPC dispatcher take as their `log`. */
  readonly report: (message: string, error?: unknown) => void;
  /** A key the app handled: blanked from every later line. */
  readonly addSecret: (secret: string | null | undefined) => void;
}

let instances = 0;

/** Shifts main.log → main.1.log → … → main.<keep>.log; the oldest falls off. */
export function rotateLogFiles(current: string, keep = DIAGNOSTICS_KEEP): void {
  const numbered = (n: number) => current.replace(/\.log$/, `.${n}.log`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  renameSync(current, numbered(1));
}

export function openDiagnosticsLog(options: { dataDir: string; console?: boolean; maxBytes?: number }): DiagnosticsLog {
  const dir = join(options.dataDir, DIAGNOSTICS_LOG_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, DIAGNOSTICS_LOG_FILE);
  const redactor = new Redactor();
  instances += 1;
  const logger = electronLog.create({ logId: `sms-admin-diagnostics-${instances}` });
  const file = logger.transports.file;
  file.resolvePathFn = () => path;
  file.maxSize = options.maxBytes ?? DIAGNOSTICS_MAX_BYTES;
  file.sync = true;
  file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  file.archiveLogFn = (old) => rotateLogFiles(old.toString());
  file.level = 'debug';
  logger.transports.console.level = options.console === false ? false : 'warn';
  // Runs before every transport: each argument becomes redacted text, objects and errors included
  // (inspected first, so nothing nested slips past as an object).
  logger.hooks.push((message) => ({
    ...message,
    data: message.data.map((item) => redactor.redact(typeof item === 'string' ? item : inspect(item, { depth: 5, breakLength: Infinity }))),
  }));

  // New files are created 0600 (writeOptions); one left by an older version may be looser.
  if (existsSync(path)) chmodSync(path, 0o600);
  const write = (level: Level) => (message: string, ...details: unknown[]) => logger[level](message, ...details);
  const error = write('error');
  return {
    path,
    error,
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    report: (message, cause) => (cause === undefined ? error(message) : error(message, cause)),
    addSecret: (secret) => redactor.addSecret(secret),
  };
}
