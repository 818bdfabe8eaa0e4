import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `dir` (recursively) whose bytes contain one of `secrets`, as UTF-8 or UTF-16LE
 * (SQLite and some stores may keep either). The canary check of docs/SECURITY.md.
 */
export function filesContainingSecrets(dir: string, secrets: string[]): string[] {
  const needles = secrets.flatMap((secret) => [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')]);
  const hits: string[] = [];
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) walk(join(path, name));
      return;
    }
    const bytes = readFileSync(path);
    if (needles.some((needle) => bytes.includes(needle))) hits.push(path);
  };
  walk(dir);
  return hits;
}
