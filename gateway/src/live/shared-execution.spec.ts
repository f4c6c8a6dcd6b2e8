import { buildSchema, defaultFieldResolver, type DocumentNode } from 'graphql';
import { SharedExecution } from './shared-execution';

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Subscription { stockChanged(sku: String): Int }
`);

const shared = () => new SharedExecution<{ scope: string }>(defaultFieldResolver, (ctx) => ctx.scope);
const documentOf = (result: ReturnType<SharedExecution<unknown>['prepare']>): DocumentNode => {
  if (Array.isArray(result)) throw new Error(`refused: ${result.map((e) => e.message).join('; ')}`);
  return result.document;
};

it('parses and validates a document once: every subscriber sending it shares one AST', () => {
  const execution = shared();
  const query = 'subscription { stockChanged(sku: "A") }';
  expect(documentOf(execution.prepare(schema, { query }))).toBe(documentOf(execution.prepare(schema, { query })));
  expect(execution.cached()).toEqual({ documents: 1, chars: query.length });
});

it('keeps no refused document, so distinct bad documents cannot fill the cache', () => {
  const execution = shared();
  for (let i = 0; i < 100; i += 1) {
    expect(execution.prepare(schema, { query: `subscription { unknownField${i} }` })).toEqual([
      expect.objectContaining({ message: expect.any(String) }),
    ]);
    expect(execution.prepare(schema, { query: `subscription { stockChanged(` })).toHaveLength(1);
  }
  expect(execution.cached()).toEqual({ documents: 0, chars: 0 });
});

it('bounds the documents kept by their text as well as their number, dropping the least recently used', () => {
  const execution = shared();
  // Valid documents made large by a long argument: 40 of 200,000 characters each would be 8 million.
  const large = (i: number) => `subscription { stockChanged(sku: "${String(i).padEnd(200_000, 'x')}") }`;
  const first = documentOf(execution.prepare(schema, { query: large(0) }));
  for (let i = 1; i < 40; i += 1) documentOf(execution.prepare(schema, { query: large(i) }));
  const { documents, chars } = execution.cached();
  expect(chars).toBeLessThanOrEqual(4_000_000);
  expect(documents).toBe(Math.floor(4_000_000 / large(0).length));
  // The oldest went first: sent again, it is parsed anew; the newest is still shared.
  expect(documentOf(execution.prepare(schema, { query: large(0) }))).not.toBe(first);
  const newest = documentOf(execution.prepare(schema, { query: large(39) }));
  expect(documentOf(execution.prepare(schema, { query: large(39) }))).toBe(newest);

  for (let i = 0; i < 600; i += 1) documentOf(execution.prepare(schema, { query: `subscription { stockChanged(sku: "${i}") }` }));
  expect(execution.cached().documents).toBe(500);
});
