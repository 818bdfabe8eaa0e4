/** Replaced at build time with package.json's version (vite `define`). */
declare const __APP_VERSION__: string;
