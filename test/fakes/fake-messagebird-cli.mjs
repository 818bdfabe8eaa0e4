// Launcher for fake-messagebird-cli.ts: Node 22 strips the types itself, but the TypeScript sources
// import each other without extensions, so this resolve hook retries such imports with `.ts`.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!specifier.startsWith('.') || /\.[cm]?[jt]s$/.test(specifier)) throw error;
      return nextResolve(`${specifier}.ts`, context);
    }
  },
});

await import('./fake-messagebird-cli.ts');
