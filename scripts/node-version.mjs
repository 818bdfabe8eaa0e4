// The one Node version check for `npm test` and `npm run web`. The app itself needs Node 22.13
// (node:sqlite without a flag); installing the dev tools needs 22.22.2 (jsdom 31's engines, which
// engine-strict enforces), so that is the floor for a clone. On an older Node the tools would fail deep
// inside with a confusing error instead.
export const MINIMUM_NODE = '22.22.2';

/** One line saying what to install when `version` (e.g. process.versions.node) is too old, else null. */
export function nodeVersionProblem(version) {
  const have = String(version).replace(/^v/, '').split('.').map(Number);
  const need = MINIMUM_NODE.split('.').map(Number);
  const order = [0, 1, 2].map((i) => (have[i] ?? 0) - (need[i] ?? 0)).find((d) => d !== 0) ?? 0;
  if (order >= 0) return null;
  return `SMS Provider Admin needs Node.js ${MINIMUM_NODE} or newer, this is ${version}: install Node.js 22 LTS, its newest release (nodejs.org, or \`nvm install 22\`) and run the command again.`;
}
