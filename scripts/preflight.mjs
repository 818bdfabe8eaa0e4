// Imported first by test-all.mjs and web.mjs, so it runs before any module that needs a newer Node.
import { nodeVersionProblem } from './node-version.mjs';

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}
