import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const fakeElectron = fileURLToPath(new URL('./test/main/fake-electron.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Electron's binary cannot run here; tests that touch `electron` get the fake module (docs/TOOLCHAIN.md).
    alias: { electron: fakeElectron, '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)) },
  },
  test: {
    // The alias must reach inside electron-store too.
    server: { deps: { inline: ['electron-store'] } },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'main', include: ['test/main/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'components',
          include: ['test/components/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/components/setup.ts'],
        },
      },
    ],
  },
});
