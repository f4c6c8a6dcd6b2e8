import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { getNamedType, isObjectType, Kind, parse, TypeInfo, validate, visit, visitWithTypeInfo, type GraphQLSchema } from 'graphql';
import type { InternalCommand } from '#platform/internal';
import { schemaDir } from '../../../scripts/lib/paths';
import * as contract from '../src/contract';
import { buildProductsSchema } from '../src/schema';

/**
 * The contract other subgraphs import is the schema products serves: every command document is
 * valid against it and selects every field of every object it reaches (so the contract's result
 * type is what arrives), and the internal query composes without showing in the public API.
 */
const isCommand = (value: unknown): value is InternalCommand<unknown, unknown> =>
  typeof value === 'object' && value !== null && 'document' in value && 'operation' in value;
const commands = Object.entries(contract).flatMap(([name, value]) => (isCommand(value) ? [[name, value] as const] : []));

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildProductsSchema();
});

it('holds the commands other subgraphs send', () => {
  expect(commands.map(([name]) => name)).toEqual(['VariantsForPricing']);
});

it.each(commands)('%s is a valid operation of the products schema', (_name, command) => {
  expect(validate(schema, parse(command.document))).toEqual([]);
});

it.each(commands)('%s selects every field of each object it returns', (_name, command) => {
  const missing: string[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    parse(command.document),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const type = getNamedType(typeInfo.getType());
        if (!node.selectionSet || !isObjectType(type)) return;
        const selected = new Set(node.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])));
        for (const field of Object.keys(type.getFields())) if (!selected.has(field)) missing.push(`${type.name}.${field}`);
      },
    }),
  );
  expect(missing).toEqual([]);
});

it('composes with the committed schemas of the other subgraphs; the pricing query stays internal', async () => {
  const others = await Promise.all(
    ['inventory', 'orders', 'customers', 'promotions'].map(async (name) => ({
      name,
      url: `http://${name}.invalid/graphql`,
      typeDefs: parse(await readFile(join(schemaDir, `${name}.graphql`), 'utf8')),
    })),
  );
  const result = composeServices([
    { name: 'products', url: 'http://products.invalid/graphql', typeDefs: parse(printSubgraphSchema(schema)) },
    ...others,
  ]);
  expect(result.errors?.map((e) => e.message) ?? []).toEqual([]);
  const api = result.schema!.toAPISchema().toGraphQLJSSchema();
  const query = api.getQueryType()!.getFields();
  expect(query.variantsForPricing).toBeUndefined();
  expect(api.getType('PricingVariant')).toBeUndefined();
  expect(query.productVariant.args.map((a) => a.name).sort()).toEqual(['barcode', 'id', 'sku']);
  expect(api.getType('TaxClass')).toBeDefined();
});
