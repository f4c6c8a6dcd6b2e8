import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import { idTypeOf } from '#platform/graphql';
import { schemaDir } from '../scripts/lib/paths';
import { buildCustomersSchema } from '../subgraphs/customers/src/schema';
import { buildInventorySchema } from '../subgraphs/inventory/src/schema';
import { buildOrdersSchema } from '../subgraphs/orders/src/schema';
import { buildProductsSchema } from '../subgraphs/products/src/schema';
import { buildPromotionsSchema } from '../subgraphs/promotions/src/schema';

/**
 * Every ID a subgraph answers names a type the client schema has: `gid://commerce/<Type>/…`
 * must be something `node(id:)` and a client's cache can place. A field whose name says too
 * little (`lineId` on a cart warning) declares its type; this finds the one that forgot.
 */
it('names a type of the client schema in every global id a subgraph answers', async () => {
  const api = buildSchema(readFileSync(join(schemaDir, 'api.graphql'), 'utf8'));
  const subgraphs: [string, GraphQLSchema][] = [
    ['products', await buildProductsSchema()],
    ['inventory', await buildInventorySchema()],
    ['orders', await buildOrdersSchema()],
    ['customers', await buildCustomersSchema()],
    ['promotions', await buildPromotionsSchema()],
  ];
  const unknown: string[] = [];
  for (const [name, schema] of subgraphs) {
    for (const type of Object.values(schema.getTypeMap())) {
      // Only what clients can reach: types and fields of the client schema (not internal commands' results).
      const client = api.getType(type.name);
      if (!isObjectType(type) || !isObjectType(client) || type.name.startsWith('_')) continue;
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name !== 'ID' || !client.getFields()[field.name]) continue;
        const named = idTypeOf(type, field);
        if (!named || !api.getType(named)) unknown.push(`${name}: ${type.name}.${field.name} → ${named ?? 'nothing'}`);
      }
    }
  }
  expect(unknown).toEqual([]);
});
