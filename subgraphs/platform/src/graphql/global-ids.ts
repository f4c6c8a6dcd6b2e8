import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { keyOfId, toGlobalId } from '../ids/global-id';
import type { RequestContext } from '../server/request-context';
import { Role } from '../auth/viewer';

/**
 * The type an ID field other than `id` names, by the schema's naming rule: `locationId`,
 * `fromLocationId` → Location, `productIds` → Product, `deletedAddressId` → Address.
 */
export function typeOfIdField(fieldName: string): string | null {
  const match = /^(?:deleted|from|to)?([A-Za-z]+?)Ids?$/.exec(fieldName);
  if (!match) return null;
  const base = match[1];
  return base.charAt(0).toUpperCase() + base.slice(1);
}

/** Internal commands between subgraphs (SERVICE tokens) keep exchanging the database's ids. */
function wantsGlobalIds(context: unknown): boolean {
  return (context as Partial<RequestContext> | undefined)?.viewer?.role !== Role.SERVICE;
}

function encodeValue(value: unknown, type: string): unknown {
  if (typeof value === 'string') return toGlobalId(type, value);
  if (Array.isArray(value)) return value.map((item) => encodeValue(item, type));
  return value;
}

function decodeInput(value: unknown, type: GraphQLInputType): unknown {
  if (value === null || value === undefined) return value;
  const inner = getNullableType(type);
  if (isListType(inner))
    return Array.isArray(value) ? value.map((item) => decodeInput(item, inner.ofType)) : decodeInput(value, inner.ofType);
  if (isInputObjectType(inner)) {
    const fields = inner.getFields();
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = { ...record };
    for (const [name, field] of Object.entries(fields)) if (name in record) out[name] = decodeInput(record[name], field.type);
    return out;
  }
  if (getNamedType(inner).name === 'ID' && typeof value === 'string') return keyOfId(value);
  return value;
}

function carriesIds(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => carriesIds(field.type, seen));
}

const FEDERATION_TYPES = new Set(['_Service', '_Entity', '_Any']);

/**
 * Turns the subgraph's ids into global ids at its edge, so resolvers and services keep working
 * with database ids: every ID field is answered as `gid://commerce/<Type>/<key>` (the object's
 * own type for `id`, the named type for `locationId` and the like), every ID argument and input
 * field is decoded (a raw id still passes, for the deprecation period), and so is every key of
 * an entity reference another subgraph sends. Mutates `schema` in place.
 */
export function applyGlobalIds(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || FEDERATION_TYPES.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      let wrapped = resolve;
      // `node(id:)` and `nodes(ids:)` read the type from the global id, so they get it whole.
      const idArgs = getNamedType(field.type).name === 'Node' ? [] : field.args.filter((arg) => carriesIds(arg.type));
      if (idArgs.length > 0) {
        const inner = wrapped;
        wrapped = (source, args: Record<string, unknown>, context, info) => {
          const decoded = { ...args };
          for (const arg of idArgs) if (arg.name in args) decoded[arg.name] = decodeInput(args[arg.name], arg.type);
          return inner(source, decoded, context, info);
        };
      }
      const idType = getNamedType(field.type).name === 'ID' ? idTypeOf(type, field) : null;
      if (idType) {
        const inner = wrapped;
        wrapped = (source, args, context, info) => {
          const value = inner(source, args, context, info);
          if (!wantsGlobalIds(context)) return value;
          return value instanceof Promise ? value.then((v) => encodeValue(v, idType)) : encodeValue(value, idType);
        };
      }
      if (wrapped !== resolve) field.resolve = wrapped;
    }
    decodeReferences(type);
  }
}

/**
 * The type an ID field names: the object's own for `id`, else the one a field declares with
 * `@Extensions({ globalIdType })` where its name says too little (`CartWarning.lineId` names a
 * CartLine), else the one its name says (`locationId` → Location).
 */
export function idTypeOf(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string | null {
  if (field.name === 'id') return type.name;
  const declared = (field.extensions as { globalIdType?: unknown }).globalIdType;
  return typeof declared === 'string' ? declared : typeOfIdField(field.name);
}

interface SubgraphExtensions {
  apollo?: { subgraph?: { resolveReference?: (reference: Record<string, unknown>, context: unknown, info: unknown) => unknown } };
}

/** An entity reference's keys arrive as the API answered them (global ids); the resolver gets database ids. */
function decodeReferences(type: GraphQLObjectType): void {
  const isEntity = type.astNode?.directives?.some((directive) => directive.name.value === 'key') ?? false;
  if (!isEntity) return;
  const extensions = type.extensions as SubgraphExtensions;
  const resolveReference = extensions.apollo?.subgraph?.resolveReference;
  const decoded = (reference: Record<string, unknown>, context: unknown, info: unknown) => {
    const keys: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(reference))
      keys[name] = typeof value === 'string' && name !== '__typename' ? keyOfId(value) : value;
    return resolveReference ? resolveReference(keys, context, info) : keys;
  };
  (type as { extensions: SubgraphExtensions }).extensions = {
    ...extensions,
    apollo: { ...extensions.apollo, subgraph: { ...extensions.apollo?.subgraph, resolveReference: decoded } },
  };
}
