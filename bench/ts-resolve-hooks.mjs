// Module hooks that let plain Node (with its built-in type stripping) run the app's TypeScript
// services: the sources import relative files without an extension (bundler style), so try `.ts`
// and `/index.ts`. Used by the bench and the crash-test child, which must run outside vitest.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sharedDir = new URL('../src/shared/', import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  // `@shared/x` is src/shared/x (the path alias of tsconfig.base.json and the bundler configs).
  if (specifier.startsWith('@shared/')) {
    const rest = specifier.slice('@shared/'.length);
    for (const candidate of [rest, `${rest}.ts`, `${rest}/index.ts`]) {
      const url = new URL(candidate, sharedDir);
      const path = fileURLToPath(url);
      if (existsSync(path) && !statSync(path).isDirectory()) return nextResolve(url.href, context);
    }
  }
  if ((specifier.startsWith('./') || specifier.startsWith('../')) && context.parentURL?.startsWith('file:')) {
    const base = new URL(specifier, context.parentURL);
    const path = fileURLToPath(base);
    if (!existsSync(path) || statSync(path).isDirectory()) {
      for (const candidate of [`${specifier}.ts`, `${specifier}/index.ts`]) {
        const url = new URL(candidate, context.parentURL);
        if (existsSync(fileURLToPath(url))) return nextResolve(url.href, context);
      }
    }
  }
  return nextResolve(specifier, context);
}
