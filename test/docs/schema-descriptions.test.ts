import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
} from 'graphql';
import { schemaDir } from '../../scripts/lib/paths';

/**
 * The client schema is the reference storefront developers read (Sandbox, codegen, IDEs), so
 * every type, field, argument, enum value and input field in schema/api.graphql is described.
 * Only GraphQL's built-ins and federation's internals may go without.
 */
const FEDERATION_INTERNAL = /^(_Any|_Entity|_Service|link__.*|join__.*|federation__.*)$/;

function undescribed(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  if (!type.description?.trim()) missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  }
  if (isInputObjectType(type))
    for (const field of Object.values(type.getFields())) if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
  if (isEnumType(type)) for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
  return missing;
}

it('describes every type, field, argument, enum value and input field of schema/api.graphql', () => {
  const api = buildSchema(readFileSync(join(schemaDir, 'api.graphql'), 'utf8'));
  const types = Object.values(api.getTypeMap()).filter(
    (type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type) && !FEDERATION_INTERNAL.test(type.name),
  );
  expect(types.length).toBeGreaterThan(100);
  expect(types.flatMap(undescribed)).toEqual([]);
});
