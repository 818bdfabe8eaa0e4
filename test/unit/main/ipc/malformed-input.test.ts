import { afterAll, describe, expect, it } from 'vitest';
import { contract, methodNames } from '@shared/contract';
import { dispatch } from '../../../../src/main/ipc/dispatch';
import { createHandlerTable } from '../../../../src/main/ipc/handler-table';
import { closeServices } from '../../../../src/main/services';
import { createTestServices } from '../../../support/test-services';

/**
 * The "done when": malformed input to every contract method is a validation error, not a
 * crash. Runs over `methodNames`, so a method added later is covered without editing this file.
 */
const services = createTestServices();
const table = createHandlerTable(services);
afterAll(() => closeServices(services));

const huge = 'x'.repeat(2_000_000);
const malformed: Array<[string, unknown]> = [
  ['a number', 42],
  ['a string', 'hello'],
  ['an array', [1, 2, 3]],
  ['null', null],
  ['an object with an unknown field', { unexpectedField: 'x' }],
  ['an object with a 2 MB string field', { unexpectedField: huge }],
  ['a prototype-polluting object', JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}}')],
];

describe.each(methodNames)('%s', (method) => {
  it.each(malformed)('refuses %s with invalid_input', async (_label, input) => {
    const result = await dispatch(table, method, input, () => {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).not.toContain(huge.slice(0, 100));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('declares its input with a zod schema', () => {
    expect(typeof contract[method].input.safeParse).toBe('function');
  });
});

describe('dispatch', () => {
  it('refuses an unknown method, including inherited names', async () => {
    for (const name of ['noSuchMethod', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(await dispatch(table, name, undefined, () => {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('turns a throwing handler into `internal` without leaking its message', async () => {
    const logged: unknown[] = [];
    const throwing = { ...table, getAppInfo: async () => { throw new Error('secret detail /home/admin'); } };
    const result = await dispatch(throwing, 'getAppInfo', undefined, (_m, e) => logged.push(e));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
    expect(logged).toHaveLength(1);
  });

  it('passes parsed input to the handler and returns its result', async () => {
    const result = await dispatch(table, 'updateSettings', { language: 'nl' }, () => {});
    expect(result).toMatchObject({ ok: true, value: { language: 'nl' } });
    expect(services.preferences.get().language).toBe('nl');
  });
});
