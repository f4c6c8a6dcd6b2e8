import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codegen } from '@graphql-codegen/core';
import type { Types } from '@graphql-codegen/plugin-helpers';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as typescriptOperationsPlugin from '@graphql-codegen/typescript-operations';
import { buildSchema, Kind, parse } from 'graphql';
import ts from 'typescript';
import config, { typescriptConfig } from '../codegen';
import { repoRoot, schemaDir } from '../scripts/lib/paths';

/**
 * A team on GraphQL Code Generator gets types for the README's operations and the examples
 * with the repository's codegen.ts: strict scalars, DateTime and Decimal as strings, and
 * TypeScript that compiles. A schema change that breaks one of them fails here.
 */
const schemaText = readFileSync(join(schemaDir, 'api.graphql'), 'utf8');
const schema = buildSchema(schemaText);

/** Each operation of each ```graphql block of the README as its own document. */
function readmeOperations(): Types.DocumentFile[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
  return blocks.flatMap((block, b) =>
    parse(block).definitions.map((definition, d) => ({
      location: `README.md, graphql block ${b + 1}, operation ${d + 1}`,
      document: { kind: Kind.DOCUMENT, definitions: [definition] },
    })),
  );
}

function exampleOperations(): Types.DocumentFile[] {
  expect(config.documents).toBe('examples/*.graphql');
  const dir = join(repoRoot, 'examples');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .map((name) => ({ location: `examples/${name}`, document: parse(readFileSync(join(dir, name), 'utf8')) }));
}

function generate(documents: Types.DocumentFile[], scalars: Record<string, string> = typescriptConfig.scalars): Promise<string> {
  return codegen({
    filename: 'graphql.ts',
    schema: parse(schemaText),
    schemaAst: schema,
    documents,
    config: { ...typescriptConfig, scalars },
    plugins: [{ typescript: {} }, { typescriptOperations: {} }],
    pluginMap: { typescript: typescriptPlugin, typescriptOperations: typescriptOperationsPlugin },
  });
}

/** Type-checks generated code on its own, as strictly as this repository's sources. */
function compileErrors(code: string): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'codegen-')), 'graphql.ts');
  writeFileSync(file, code);
  const program = ts.createProgram([file], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [] });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

it.each([
  ['the README', readmeOperations],
  ['examples/', exampleOperations],
])('types the operations of %s with strict scalars, DateTime and Decimal as strings', async (_name, operations) => {
  const documents = operations();
  expect(documents.flatMap((file) => file.document!.definitions).length).toBeGreaterThanOrEqual(7);
  const code = await generate(documents);
  // Every scalar, the API's own included, maps to a real type: nothing is `unknown` or `any`.
  const scalars = /export type Scalars = \{([\s\S]*?)\n\};/.exec(code)?.[1] ?? '';
  expect(scalars).toContain('DateTime: { input: string; output: string; }');
  expect(scalars).toContain('Decimal: { input: string; output: string; }');
  expect(scalars).toContain('JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }');
  expect(scalars.replaceAll('Record<string, unknown>', '')).not.toMatch(/\bunknown\b|\bany\b/);
  expect(code).toMatch(/export type \w+Query = /);
  expect(compileErrors(code)).toEqual([]);
});

it('refuses a scalar without a mapping, so strictScalars is really on', async () => {
  const { Decimal: _decimal, ...withoutDecimal } = typescriptConfig.scalars;
  await expect(generate(exampleOperations(), withoutDecimal)).rejects.toThrow(/Decimal/);
});
