// `node --import ./bench/register-ts.mjs script.ts`: installs the extension-resolving hooks.
import { register } from 'node:module';

register('./ts-resolve-hooks.mjs', import.meta.url);
