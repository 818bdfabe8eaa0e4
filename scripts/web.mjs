// `npm run web -- --port N --data-dir DIR`: builds when the sources changed, then runs the browser
// host in this same process (so SIGTERM reaches it directly; no child to orphan).
import './preflight.mjs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildAll, buildIsStale, root } from './build-all.mjs';

if (buildIsStale()) {
  console.log('Building the app (sources changed or no build yet)…');
  buildAll();
}
await import(pathToFileURL(join(root, 'out/host/cli.js')).href);
