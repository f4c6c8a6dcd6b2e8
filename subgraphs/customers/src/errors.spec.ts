import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../../../scripts/lib/paths';
import { CustomersErrorCode } from './errors';

/** This subgraph's sources (the test itself runs compiled, from dist/). */
const sourceDir = join(repoRoot, 'subgraphs', 'customers', 'src');

/** Every source file of this subgraph but this one and errors.ts. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && entry.name !== 'errors.ts' ? [path] : [];
  });
}

/** The code argument of every `new UserError(field, message, code)` in a file, as written. */
function userErrorCodes(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  const codes: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText(file) === 'UserError') codes.push(node.arguments?.[2]?.getText(file) ?? '');
    ts.forEachChild(node, visit);
  };
  visit(file);
  return codes;
}

it('takes every userError code from CustomersErrorCode, and defines none elsewhere', () => {
  const files = sources(sourceDir);
  expect(files.length).toBeGreaterThan(10);
  const offences = files.flatMap((path) =>
    userErrorCodes(path)
      .filter((code) => !/^CustomersErrorCode\.[A-Z_]+$/.test(code))
      .map((code) => `${relative(sourceDir, path)}: ${code}`),
  );
  expect(offences).toEqual([]);
  const platformCodes = files
    .filter((path) => /\bUserErrorCode\b/.test(readFileSync(path, 'utf8')))
    .map((path) => relative(sourceDir, path));
  expect(platformCodes).toEqual([]);
});

it('documents each code by its own name', () => {
  for (const [name, code] of Object.entries(CustomersErrorCode)) expect(code).toBe(name);
  const text = readFileSync(join(sourceDir, 'errors.ts'), 'utf8');
  for (const name of Object.keys(CustomersErrorCode)) expect(text).toMatch(new RegExp(`/\\*\\* [^\\n]+ \\*/\\n\\s+${name}:`));
});
