// Builds the renderer and the browser host once before the browser tests, when sources changed.
import { buildAll, buildIsStale } from '../../scripts/build-all.mjs';

export default function globalSetup(): void {
  if (buildIsStale()) buildAll();
}
