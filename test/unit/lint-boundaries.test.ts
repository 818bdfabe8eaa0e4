import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of docs/ARCHITECTURE.md are enforced by ESLint; this proves the rules fire, so a config
 * change that drops one fails here rather than silently.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  // The first lint loads the config, its plugins, the parser and TypeScript: a one-off cost (0.7 s on an
  // idle machine, over 5 s on a loaded 2-core one) that belongs to setup, not to whichever rule test
  // happens to run first and then fails on the per-test timeout.
  beforeAll(async () => {
    await eslint.lintText('export {};\n', { filePath: 'src/shared/warm-up.ts' });
  });

  it.each([
    'src/shared/example.ts',
    'src/main/services/example.ts',
    'src/main/ipc/example.ts',
    'src/host/example.ts',
    'src/renderer/src/example.ts',
  ])('forbids importing electron in %s', async (file) => {
    expect(await restrictedImportErrors(file, "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
  });

  it.each(['src/main/platform/example.ts', 'src/main/security/example.ts', 'src/main/index.ts'])(
    'allows electron in %s',
    async (file) => {
      expect(await restrictedImportErrors(file, "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
    },
  );

  it.each(['src/shared/example.ts', 'src/renderer/src/example.ts'])('forbids Node built-ins in %s', async (file) => {
    expect(await restrictedImportErrors(file, "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toHaveLength(1);
  });
});
