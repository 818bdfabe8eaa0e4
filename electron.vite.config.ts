import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** `@shared/…` is src/shared, the contract and rules every room uses (docs/ARCHITECTURE.md). */
const sharedAlias = { '@shared': resolve(__dirname, 'src/shared') };

/**
 * `electron-vite dev` only: React's refresh preamble is an inline script and hot reload needs a
 * websocket, both of which the strict CSP blocks. Builds (and so `npm start` and the packaged app)
 * keep index.html's policy untouched; this plugin never runs for them.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
  };
}

export default defineConfig({
  main: {
    resolve: { alias: sharedAlias },
    build: {
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts') },
      },
    },
  },
  preload: {
    resolve: { alias: sharedAlias },
    build: {
      // A sandboxed preload must be one CommonJS file with its dependencies bundled (docs/TOOLCHAIN.md).
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve: { alias: sharedAlias },
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // electron-vite leaves builds unminified; the renderer's first chunk is what every window start
      // parses, so it is minified (a third of the bytes). Pages and each language are chunks of their own.
      minify: true,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
    plugins: [react(), relaxCspForDevServer()],
  },
});
