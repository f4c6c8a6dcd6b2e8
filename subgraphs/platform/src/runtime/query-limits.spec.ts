import { buildSchema, parse, type GraphQLError } from 'graphql';
import { GATEWAY_QUERY_LIMITS, operationCost, rememberedOperationCost, variablesShape, type QueryLimits } from './query-limits';

const schema = buildSchema(`
  enum Sort { TITLE PRICE }
  input LineInput { sku: String!, quantity: Int!, note: String }
  input Filter { sort: Sort, lines: [LineInput!] }
  type Item { id: ID!, title: String, children(first: Int): ItemConnection }
  type ItemConnection { nodes: [Item!]! }
  type Query { items(first: Int, filter: Filter, ids: [ID!], q: String): ItemConnection }
`);
const limits: QueryLimits = { ...GATEWAY_QUERY_LIMITS, maxListSize: 3 };
const document = parse(`query Items($first: Int, $filter: Filter, $ids: [ID!], $q: String, $deep: Boolean!) {
  items(first: $first, filter: $filter, ids: $ids, q: $q) { nodes { id children(first: 2) @include(if: $deep) { nodes { id } } } }
}`);
const shape = (variables: Record<string, unknown>) => variablesShape(schema, document, 'Items', variables);
const base = { first: 2, ids: ['a', 'b'], q: 'helmet', deep: true, filter: { sort: 'TITLE', lines: [{ sku: 'SKU-1', quantity: 1 }] } };

describe('the shape of variables a cost is remembered by', () => {
  it('is the same whatever ids and strings the variables carry, nested or not', () => {
    expect(shape({ ...base, ids: ['c', 'd'], q: 'gloves', filter: { sort: 'TITLE', lines: [{ sku: 'SKU-9', quantity: 1 }] } })).toBe(
      shape(base),
    );
  });

  it.each([
    ['a page size', { first: 3 }],
    ['a list length', { ids: ['a', 'b', 'c'] }],
    ['an enum value', { filter: { sort: 'PRICE', lines: base.filter.lines } }],
    ['a number inside an input', { filter: { sort: 'TITLE', lines: [{ sku: 'SKU-1', quantity: 2 }] } }],
    ['a directive condition', { deep: false }],
    ['a NUL character', { q: 'hel\u0000met' }],
    ['a field the input does not have', { filter: { sort: 'TITLE', lines: base.filter.lines, colour: 'red' } }],
  ])('tells apart %s', (_what, change) => {
    expect(shape({ ...base, ...change })).not.toBe(shape(base));
  });
});

describe('a remembered cost', () => {
  const costs = (variables: Record<string, unknown>) => {
    const fresh = () => operationCost(schema, document, 'Items', variables, limits);
    const remembered = () => rememberedOperationCost(schema, document, 'Items', variables, limits);
    let expected: unknown;
    try {
      expected = fresh();
    } catch (error) {
      expect(remembered).toThrow((error as GraphQLError).message);
      return 'refused';
    }
    expect(remembered()).toBe(expected);
    return expected;
  };

  it('answers what costing afresh answers, however requests of one shape follow each other', () => {
    // 2 + first × (node 1 + children (2 + 2 × node 1)), children counted only when included
    expect(costs(base)).toBe(2 + 2 * (1 + 2 + 2));
    expect(costs({ ...base, ids: ['x', 'y'], q: 'other' })).toBe(2 + 2 * (1 + 2 + 2));
    expect(costs({ ...base, first: 3 })).toBe(2 + 3 * (1 + 2 + 2));
    expect(costs({ ...base, deep: false })).toBe(2 + 2 * 1);
    // Refused after a request of the same shape but these values was answered: each refusal still comes.
    expect(costs({ ...base, filter: { sort: 'BOGUS', lines: base.filter.lines } })).toBe('refused');
    expect(costs({ ...base, q: 'hel\u0000met' })).toBe('refused');
    expect(costs({ ...base, ids: ['a', 'b', 'c', 'd'] })).toBe('refused');
    expect(costs({ ...base, first: 'two' })).toBe('refused');
    expect(costs(base)).toBe(2 + 2 * (1 + 2 + 2));
  });
});
