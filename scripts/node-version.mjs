// The one Node version check for `npm test` and `npm run web`: node:sqlite and the test runner need
// Node 22.13; on an older Node they would fail deep inside with a confusing error instead.
export const MINIMUM_NODE = '22.13.0';

/** One line saying what to install when `version` (e.g. process.versions.node) is too old, else null. */
export function nodeVersionProblem(version) {
  const [major, minor] = String(version).replace(/^v/, '').split('.').map(Number);
  const [needMajor, needMinor] = MINIMUM_NODE.split('.').map(Number);
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return `SMS Provider Admin needs Node.js ${needMajor}.${needMinor} or newer, this is ${version}: install Node.js 22 LTS (nodejs.org, or \`nvm install 22\`) and run the command again.`;
}
