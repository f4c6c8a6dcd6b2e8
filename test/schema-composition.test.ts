import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSchema, GraphQLEnumType, getNamedType, type GraphQLObjectType } from 'graphql';
import { composeSupergraph } from '../scripts/lib/compose';
import { schemaDir } from '../scripts/lib/paths';
import { customersUserErrorCodes } from '../subgraphs/customers/src/errors';
import { inventoryUserErrorCodes } from '../subgraphs/inventory/src/errors';
import { ordersUserErrorCodes } from '../subgraphs/orders/src/errors';
import { productsUserErrorCodes } from '../subgraphs/products/src/errors';
import { promotionsUserErrorCodes } from '../subgraphs/promotions/src/errors';

/**
 * Decision 2: the committed schema files are exactly what the code produces, and the subgraphs
 * compose. When this fails, run `npm run compose` and commit the result.
 */
describe('composed schema', () => {
  let files: Record<string, string>;
  beforeAll(async () => {
    files = (await composeSupergraph()).files;
  });

  it('composes every subgraph into one supergraph', () => {
    expect(Object.keys(files).sort()).toEqual(
      ['api', 'customers', 'inventory', 'orders', 'products', 'promotions', 'supergraph'].map((n) => `${n}.graphql`),
    );
  });

  it.each(['products', 'inventory', 'orders', 'customers', 'promotions', 'supergraph', 'api'])(
    'schema/%s.graphql is up to date (run `npm run compose` if not)',
    async (name) => {
      const committed = await readFile(join(schemaDir, `${name}.graphql`), 'utf8');
      expect(committed).toBe(files[`${name}.graphql`]);
    },
  );

  it('exposes the public names clients rely on and hides federation internals', () => {
    const api = buildSchema(files['api.graphql']);
    const query = api.getQueryType()!.getFields();
    for (const field of ['product', 'products', 'productVariant', 'categories', 'locations', 'location'])
      expect(query[field]).toBeDefined();
    expect(query._entities).toBeUndefined();
    for (const type of [
      'Product',
      'ProductVariant',
      'Category',
      'Location',
      'Order',
      'Cart',
      'Customer',
      'Discount',
      'Money',
      'PageInfo',
      'UserError',
    ]) {
      expect(api.getType(type)).toBeDefined();
    }
  });

  it('types UserError.code as one UserErrorCode enum holding every code of every subgraph, each described', () => {
    const api = buildSchema(files['api.graphql']);
    const userError = api.getType('UserError') as GraphQLObjectType;
    const codeType = getNamedType(userError.getFields().code.type);
    expect(codeType).toBeInstanceOf(GraphQLEnumType);
    expect(codeType.name).toBe('UserErrorCode');
    const values = (codeType as GraphQLEnumType).getValues();
    const expected = [
      customersUserErrorCodes,
      inventoryUserErrorCodes,
      ordersUserErrorCodes,
      productsUserErrorCodes,
      promotionsUserErrorCodes,
    ]
      .flatMap((codes) => [...codes.keys()])
      .filter((code, i, all) => all.indexOf(code) === i)
      .sort();
    expect(values.map((value) => value.name).sort()).toEqual(expected);
    // The wire value is the code's own name, as when `code` was a String.
    for (const value of values) expect(value.value).toBe(value.name);
    expect(values.filter((value) => !value.description?.trim()).map((value) => value.name)).toEqual([]);
  });
});
