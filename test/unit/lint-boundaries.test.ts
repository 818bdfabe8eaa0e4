import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of docs/ARCHITECTURE.md are enforced by ESLint; this proves the rules fire, so a config
 * change that drops one fails here rather than silently.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleErrors(rule: string, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

const restrictedImportErrors = (filePath: string, code: string) => ruleErrors('no-restricted-imports', filePath, code);
const restrictedPathErrors = (filePath: string, code: string) => ruleErrors('import-x/no-restricted-paths', filePath, code);

/** Every relative or `@shared/` import of every file under src, `import type` and re-exports included. */
function sourceImportGraph(): Map<string, string[]> {
  const root = resolve('src');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(root, f));
  const known = new Set(files);
  const sharedRoot = join(root, 'shared');
  const resolveImport = (from: string, spec: string) => {
    const base = spec.startsWith('@shared/') ? join(sharedRoot, spec.slice('@shared/'.length)) : resolve(dirname(from), spec);
    return ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((c) => known.has(c));
  };
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, false);
    const targets = importedFiles.filter((i) => i.fileName.startsWith('.') || i.fileName.startsWith('@shared/')).map((i) => resolveImport(file, i.fileName));
    graph.set(file, targets.filter((t): t is string => t !== undefined));
  }
  return graph;
}

/** One cycle per strongly connected group of files (as paths relative to the repository), or none. */
function importCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(process.cwd(), f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
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

  it.each([
    ['src/shared/example.ts', "import type { Services } from '../main/services';\nexport type S = Services;\n"],
    ['src/shared/rules/example.ts', "import { startHost } from '../../host/start-host';\nexport const s = startHost;\n"],
  ])('forbids src/shared importing another room (%s)', async (file, code) => {
    expect(await restrictedPathErrors(file, code)).toEqual([expect.stringContaining('src/shared is used by every room')]);
  });

  it.each([
    ['main', "import type { Services } from '../../main/services';\nexport type S = Services;\n"],
    ['host', "import { startHost } from '../../host/start-host';\nexport const s = startHost;\n"],
    ['preload', "import '../../preload/index';\nexport {};\n"],
  ])('forbids the renderer importing %s', async (_room, code) => {
    expect(await restrictedPathErrors('src/renderer/src/example.ts', code)).toEqual([expect.stringContaining('The renderer reaches main only')]);
  });

  it('lets the renderer import the contract in src/shared', async () => {
    const code = "import type { AppInfo } from '../../shared/contract/platform';\nexport type A = AppInfo;\n";
    expect(await restrictedPathErrors('src/renderer/src/example.ts', code)).toEqual([]);
  });

  it.each([
    ['ipc', "import { registerIpc } from '../../ipc/register';\nexport const r = registerIpc;\n"],
    ['platform', "import type { ShellExternalOpener } from '../../platform/external-opener';\nexport type O = ShellExternalOpener;\n"],
    ['security', "import { denyAllPermissions } from '../../security/permissions';\nexport const d = denyAllPermissions;\n"],
  ])('forbids main/services importing %s', async (_room, code) => {
    expect(await restrictedPathErrors('src/main/services/send-log/example.ts', code)).toEqual([expect.stringContaining('Services are plain TypeScript')]);
  });

  it.each(['src/main/services/send-log/example.ts', 'src/main/ipc/example.ts', 'src/main/index.ts', 'src/host/example.ts', 'src/shared/example.ts', 'src/renderer/src/example.ts'])(
    'forbids messagebird in %s',
    async (file) => {
      const code = "import messagebird from 'messagebird';\nexport const m = messagebird;\n";
      expect(await restrictedImportErrors(file, code)).toEqual([expect.stringContaining('Only src/main/services/gateway may import messagebird')]);
    },
  );

  it('allows messagebird inside the gateway', async () => {
    const code = "import messagebird from 'messagebird';\nexport const m = messagebird;\n";
    expect(await restrictedImportErrors('src/main/services/gateway/example.ts', code)).toEqual([]);
  });

  it('forbids an import cycle (here: the gateway index and its transport settings, back again)', async () => {
    // gateway/index.ts re-exports transport-config.ts, so transport-config importing the index closes a loop.
    const code = "import { createGateway } from './index';\nexport const c = createGateway;\n";
    expect(await ruleErrors('import-x/no-cycle', 'src/main/services/gateway/transport-config.ts', code)).toHaveLength(1);
  });

  it('finds no import cycle in src, counting `import type` too', () => {
    // ESLint's no-cycle skips type-only imports (they vanish at build time); a type cycle still ties two
    // modules together, so this checks the whole graph with them.
    const graph = sourceImportGraph();
    expect(graph.size).toBeGreaterThan(100);
    expect(importCycles(graph)).toEqual([]);
    // The check itself sees a cycle when there is one.
    const first = [...graph.keys()][0]!;
    const second = graph.get(first)![0]!;
    graph.set(second, [...graph.get(second)!, first]);
    expect(importCycles(graph)).toHaveLength(1);
  });
});
