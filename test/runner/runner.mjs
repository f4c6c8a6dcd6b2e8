// @ts-check
/**
 * Runs each test file as the JavaScript `tsc` emitted for it (dist/), in long-lived child
 * processes that load a module once and keep it for every later file, instead of jest's default
 * of a fresh module registry per file. Loading the platform, the five subgraphs and the gateway
 * cost about 4 s per file that way; now a worker pays it once.
 *
 * The price is isolation of module state between the files one worker runs: a test file must
 * leave no module-level state behind (the harness closes what it starts, and nothing in the
 * sources keeps state across systems). Jest still finds the `.ts` files, filters them and
 * reports on them; only the file that runs is its compiled twin.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRunner } from 'jest-light-runner';

const LightRunner = createRunner({ runtime: 'child_process' });

export default class CompiledTestRunner extends LightRunner {
  /** @param {import('@jest/test-result').Test} test */
  async _runTest(test) {
    const { rootDir } = test.context.config;
    const compiled = join(rootDir, 'dist', relative(rootDir, test.path)).replace(/\.ts$/, '.js');
    if (!existsSync(compiled)) {
      throw new Error(`${relative(rootDir, compiled)} is missing: compile first (\`npm test\` and \`npm run test:only\` do)`);
    }
    const result = await super._runTest({ ...test, path: compiled });
    return { ...result, testFilePath: test.path };
  }
}
