import { describe, expect, it } from 'vitest';
import { MINIMUM_NODE, nodeVersionProblem } from '../../../scripts/node-version.mjs';

describe('nodeVersionProblem (preflight of npm test and npm run web)', () => {
  it.each(['20.20.2', 'v20.19.0', '18.20.8', '22.12.0', '22.13.0', '22.22.1', '21.7.3'])('says in one line what to install on Node %s', (version) => {
    const problem = nodeVersionProblem(version);
    expect(problem).toContain('Node.js 22.22.2 or newer');
    expect(problem).toContain(`this is ${version}`);
    expect(problem).toContain('install Node.js 22');
    expect(problem).not.toContain('\n');
  });

  it.each(['22.22.2', '22.23.0', 'v22.22.3', '23.0.0', '24.15.0', MINIMUM_NODE])('lets Node %s through', (version) => {
    expect(nodeVersionProblem(version)).toBeNull();
  });

  it('matches the engines field that engine-strict enforces for npm install', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${MINIMUM_NODE}`);
    expect(readFileSync(new URL('../../../.npmrc', import.meta.url), 'utf8')).toMatch(/^engine-strict=true$/m);
  });
});
