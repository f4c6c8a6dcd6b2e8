import { parse, validate, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { InternalCommand } from '#platform/internal';
import * as contract from '../src/contract';
import { buildPromotionsSchema } from '../src/schema';

/** The contract's commands are what the orders subgraph sends: each must be a valid operation on this subgraph's own schema. */
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildPromotionsSchema();
});

const isCommand = (value: unknown): value is InternalCommand<unknown, unknown> =>
  typeof value === 'object' && value !== null && 'document' in value;
const commands = Object.entries(contract as Record<string, unknown>).flatMap(([name, value]) =>
  isCommand(value) ? [[name, value] as const] : [],
);

it.each(commands)('%s is a valid operation on the promotions schema', (_name, command) => {
  expect(validate(schema, parse(command.document))).toEqual([]);
});

it('has a command for every internal (@inaccessible) query and mutation', () => {
  const internal = (fields: Record<string, GraphQLField<unknown, unknown>>) =>
    Object.values(fields)
      .filter((field) => field.astNode?.directives?.some((d) => d.name.value === 'inaccessible'))
      .map((field) => field.name);
  const inaccessible = [...internal(schema.getQueryType()!.getFields()), ...internal(schema.getMutationType()!.getFields())];
  expect(inaccessible.length).toBeGreaterThan(0);
  expect(commands.map(([, command]) => command.field)).toEqual(expect.arrayContaining(inaccessible));
});
