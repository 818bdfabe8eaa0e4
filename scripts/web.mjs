// `npm run web -- --port N --data-dir DIR`: builds when the sources changed, then runs the browser
// host in this same process (so SIGTERM reaches it directly; no child to orphan).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildAll, buildIsStale, root } from './build-all.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(`SMS Provider Admin needs Node 22.13 or newer; this is Node ${process.versions.node}.`);
  process.exit(2);
}
if (buildIsStale()) {
  console.log('Building the app (sources changed or no build yet)…');
  buildAll();
}
await import(pathToFileURL(join(root, 'out/host/cli.js')).href);
