import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Builds the browser host (src/host/cli.ts) for plain Node into out/host. Dependencies stay external
 * (an SSR build's default), so it loads the same `messagebird`, `conf` and `zod` the app uses.
 */
export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    ssr: 'src/host/cli.ts',
    outDir: 'out/host',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    rolldownOptions: { output: { entryFileNames: 'cli.js', format: 'es' } },
  },
});
