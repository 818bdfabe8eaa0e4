/**
 * Property-based fuzzing of every contract method (fast-check), beside the fixed malformed-input cases:
 * inputs generated from each method's zod schema (near-valid values that reach the handlers) and from
 * arbitrary JSON (mostly invalid). For every input: dispatch never throws, the answer is a Result, a
 * failure carries only the method's declared error codes (plus invalid_input and forbidden_sender;
 * never `internal`, which would be a thrown handler), and an input the schema rejects changes nothing:
 * settings, vault, send log and saved files stay as they were.
 *
 * Seeded and reproducible: the seed is fixed and printed; fast-check prints the seed and path of a
 * failing run, and `FUZZ_SEED=<n>` reruns with another seed.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../src/main/ipc/dispatch';
import { createHandlerTable } from '../../../../src/main/ipc/handler-table';
import { closeServices } from '../../../../src/main/services';
import { COMMON_ERROR_CODES, contract, methodNames } from '@shared/contract';
import { createTestServices, memoryStore } from '../../../support/test-services';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS_PER_METHOD = 1000;
console.log(`contract fuzz: fast-check seed ${SEED}, ${RUNS_PER_METHOD} runs per method, ${methodNames.length} methods`);

const dataDir = mkdtempSync(join(tmpdir(), 'contract-fuzz-'));
const settings = memoryStore();
let savedFiles = 0;
const services = createTestServices({
  dataDir,
  settings,
  // MessageBird mode (should a generated input switch to it) reaches a closed local port: refused at once.
  transport: { connectTo: { host: '127.0.0.1', port: 9 } },
  fileSaver: {
    save: async () => {
      savedFiles += 1;
      return { status: 'cancelled' };
    },
  },
});
const table = createHandlerTable(services);
afterAll(() => closeServices(services));

/** Everything a call could change: the settings, the vault, the send log and the saved files. */
function snapshot(): string {
  const keys = ['preferences', 'profiles', 'testSend', 'confirmationThrottle', 'review', 'profilesSetAside'];
  const vault = join(dataDir, 'vault.json');
  return JSON.stringify({
    settings: keys.map((k) => settings.get(k) ?? null),
    vault: existsSync(vault) ? readFileSync(vault, 'utf8') : null,
    log: services.sendLog.stats(),
    savedFiles,
  });
}

/** Strings that pass or nearly pass the app's rules, and some that attack parsers. */
const sampleStrings = fc.constantFrom(
  '', ' ', '12345', '1234', '123456', '+31612345678', '06 12345678', '0031612345678', '+61412345678', '+3190012345',
  'Acme', 'AFAS Online', 'Productie', 'LiveKey0123456789abcdefg', 'test_0123456789abcdefghij', 'NL', 'BE', 'nl', 'en',
  'p-1', '_sandbox', 'abc-123', 'Testcode: {code}', '{code}', '42', 'x'.repeat(300), '€ ü 🙂', 'a\u0000b', '../../etc/passwd',
  '<script>alert(1)</script>', '__proto__', 'constructor',
);
const anyString = fc.oneof({ weight: 3, arbitrary: sampleStrings }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) });
const anyNumber = fc.oneof(fc.integer({ min: -5, max: 4000 }), fc.constantFrom(0, 1, 10, 180, 3650, Number.MAX_SAFE_INTEGER), fc.double({ noNaN: false }));

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** An arbitrary for values shaped like `schema` (not always valid: strings and numbers roam). */
function fromSchema(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return fc.constant(undefined);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      const required = keys.filter((k) => !['optional', 'default'].includes(defOf(shape[k]!).type));
      return fc.record(Object.fromEntries(keys.map((k) => [k, fromSchema(shape[k]!, depth + 1)])), { requiredKeys: required });
    }
    case 'string':
      return anyString;
    case 'number':
      return anyNumber;
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values ?? [undefined]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'optional':
    case 'default':
      return fc.option(fromSchema(def.innerType!, depth + 1), { nil: undefined });
    case 'nullable':
      return fc.option(fromSchema(def.innerType!, depth + 1), { nil: null });
    case 'array':
      return fc.array(fromSchema(def.element!, depth + 1), { maxLength: 4 });
    case 'record':
      return fc.dictionary(anyString, fromSchema(def.valueType!, depth + 1), { maxKeys: 3 });
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => fromSchema(o, depth + 1)));
    case 'pipe':
      return fromSchema(def.in!, depth + 1);
    case 'undefined':
      return fc.constant(undefined);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const allowed = (method: (typeof methodNames)[number]) =>
  new Set<string>([...contract[method].errors, ...COMMON_ERROR_CODES.filter((c) => c !== 'internal')]);

describe('contract fuzzing (fast-check, seeded)', () => {
  it.each(methodNames.map((m, i) => [m, i] as const))('%s', async (method, index) => {
    const schema = contract[method].input as z.ZodType;
    const input = fc.oneof(
      { weight: 2, arbitrary: fromSchema(schema) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true }) },
    );
    const codes = allowed(method);
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const valid = schema.safeParse(value).success;
        const before = valid ? '' : snapshot();
        let result: Awaited<ReturnType<typeof dispatch>>;
        try {
          result = await dispatch(table, method, value, () => {});
        } catch (error) {
          throw new Error(`dispatch threw: ${String(error)}`, { cause: error });
        }
        expect(typeof result).toBe('object');
        if (result.ok) {
          expect(valid, 'an input the schema rejects never succeeds').toBe(true);
          expect('value' in result).toBe(true);
        } else {
          expect(typeof result.error.code).toBe('string');
          expect(typeof result.error.message).toBe('string');
          expect(codes.has(result.error.code), `undeclared error code ${result.error.code}`).toBe(true);
        }
        if (!valid) {
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
          expect(snapshot()).toBe(before);
        }
      }),
      { numRuns: RUNS_PER_METHOD, seed: SEED + index, endOnFailure: true },
    );
  }, 30_000);
});
