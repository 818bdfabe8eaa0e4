import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDiagnosticsLog, rotateLogFiles } from '../../../../../src/main/services/diagnostics/diagnostics-log';

const tempDir = () => mkdtempSync(join(tmpdir(), 'diagnostics-'));

// Canaries: none of these may ever be found in the log file.
const LIVE_KEY = 'live_CanaryLiveKey0123456789';
const VAULT_KEY = 'Zq81CanaryVaultKeyNoPrefix';
const CODE = '482913';
const NUMBER = '+31612345678';

describe('diagnostics log', () => {
  it('writes to logs/main.log in the data folder, readable by the owner only', () => {
    const dataDir = tempDir();
    const log = openDiagnosticsLog({ dataDir, console: false });
    log.info('started');
    expect(log.path).toBe(join(dataDir, 'logs', 'main.log'));
    expect(readFileSync(log.path, 'utf8')).toMatch(/\[info\]\s+started/);
    expect(statSync(log.path).mode & 0o777).toBe(0o600);
  });

  it('never writes a key, a code or a full number, through any entry point or argument shape', () => {
    const log = openDiagnosticsLog({ dataDir: tempDir(), console: false });
    log.addSecret(VAULT_KEY);
    const text = `key ${LIVE_KEY} vault ${VAULT_KEY} code ${CODE} to ${NUMBER} sdk ${NUMBER.slice(1)} nl 06 12345678`;
    const error = new Error(text);
    const nested = { request: { headers: { Authorization: `AccessKey ${VAULT_KEY}` }, body: { recipients: [Number(NUMBER.slice(1))], body: `Code ${CODE}` } } };
    for (const entry of [log.error, log.warn, log.info, log.debug]) {
      entry(text);
      entry('with details', error, nested, [LIVE_KEY], CODE);
    }
    log.report(text);
    log.report('Delivery poll failed', error);
    log.report('Delivery poll failed', nested);

    const written = readFileSync(log.path, 'utf8');
    expect(written.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(11);
    for (const canary of [LIVE_KEY, VAULT_KEY, CODE, NUMBER, NUMBER.slice(1), '612345678', '12345678']) expect(written).not.toContain(canary);
    // Still useful: which kind of key, which number (masked), and the stack of the error.
    expect(written).toContain('live_[key]');
    expect(written).toContain('+31 •••••••78');
    expect(written).toContain('diagnostics-log.test.ts');
  });

  it('rotates at the size limit and keeps three older files', () => {
    const log = openDiagnosticsLog({ dataDir: tempDir(), console: false, maxBytes: 4_000 });
    for (let i = 0; i < 400; i += 1) log.info(`line ${i} ${'x'.repeat(60)}`);
    const dir = join(log.path, '..');
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.log']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThan(4_000 + 200);
    // The newest lines are in main.log, the ones before in main.1.log.
    expect(readFileSync(log.path, 'utf8')).toContain('line 399 ');
    const previous = readFileSync(join(dir, 'main.1.log'), 'utf8');
    expect(previous).not.toContain('line 399 ');
    expect(Number(/line (\d+) /.exec(previous)![1])).toBeGreaterThan(300);
  });

  it('tightens the permissions of a log file left by an older version', () => {
    const dataDir = tempDir();
    const first = openDiagnosticsLog({ dataDir, console: false });
    first.info('one');
    chmodSync(first.path, 0o644);
    openDiagnosticsLog({ dataDir, console: false });
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
  });
});

describe('rotateLogFiles', () => {
  it('shifts every file one place and drops the oldest', () => {
    const dir = tempDir();
    const current = join(dir, 'main.log');
    for (const [name, content] of [['main.log', 'now'], ['main.1.log', 'one'], ['main.2.log', 'two'], ['main.3.log', 'three']]) {
      writeFileSync(join(dir, name!), content!);
    }
    rotateLogFiles(current, 3);
    expect(existsSync(current)).toBe(false);
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('now');
    expect(readFileSync(join(dir, 'main.2.log'), 'utf8')).toBe('one');
    expect(readFileSync(join(dir, 'main.3.log'), 'utf8')).toBe('two');
    expect(existsSync(join(dir, 'main.4.log'))).toBe(false);
  });
});
