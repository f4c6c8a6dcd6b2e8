import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '#platform/runtime';
import { repoRoot } from '../../scripts/lib/paths';

/**
 * The README is the front door: every code a client can receive is listed there. This reads the
 * codes from where the code takes them (each subgraph's `src/errors.ts` and the platform's
 * GraphQL error codes) and fails for any the README's "Error codes" section does not name.
 */
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Error codes'), readme.indexOf('\n## ', readme.indexOf('## Error codes') + 1));

function codesOf(module: Record<string, unknown>): string[] {
  return Object.values(module).flatMap((exported) =>
    exported && typeof exported === 'object' ? Object.values(exported).filter((v): v is string => typeof v === 'string') : [],
  );
}

const subgraphs = readdirSync(join(repoRoot, 'subgraphs')).filter((name) => {
  try {
    return readFileSync(join(repoRoot, 'subgraphs', name, 'src', 'errors.ts')).length > 0;
  } catch {
    return false;
  }
});

it('has an error codes section', () => {
  expect(section.length).toBeGreaterThan(100);
  expect(subgraphs).toEqual(expect.arrayContaining(['customers', 'inventory', 'products', 'promotions']));
});

it.each(subgraphs)('lists every userErrors code of the %s subgraph', (name) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- tests run as CommonJS; each subgraph's errors module is found by name
  const module = require(join(repoRoot, 'dist', 'subgraphs', name, 'src', 'errors.js')) as Record<string, unknown>;
  const missing = [...new Set(codesOf(module))].filter((code) => !section.includes(`\`${code}\``));
  expect(missing).toEqual([]);
});

it('lists every GraphQL error code the platform gives', () => {
  const missing = Object.values(ErrorCode).filter((code) => !section.includes(`\`${code}\``));
  expect(missing).toEqual([]);
});
