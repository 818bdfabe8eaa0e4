import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Tests mirror the source paths: the test of `src/a/b/x.ts` is `test/unit/a/b/x.test.ts`. For the
 * domain rules this is a promise (each has its own test file), so a new rule without one fails here.
 */
describe('test layout', () => {
  it('every rule module in src/shared/rules has its own test file beside its twin path', () => {
    const rules = readdirSync('src/shared/rules').filter((f) => f.endsWith('.ts'));
    expect(rules.length).toBeGreaterThan(5);
    const missing = rules.map((f) => join('test/unit/shared/rules', f.replace(/\.ts$/, '.test.ts'))).filter((t) => !existsSync(t));
    expect(missing).toEqual([]);
  });
});
