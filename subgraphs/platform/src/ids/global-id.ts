import { GraphQLError } from 'graphql';

/**
 * Global ids: every id a client sees names its type, `gid://commerce/<Type>/<key>`, so `node(id:)`
 * knows which subgraph owns it and caches can key on it alone. The key is the database id (or a
 * natural key such as `<locationId>:<sku>`), percent-encoded.
 */
export const GLOBAL_ID_PREFIX = 'gid://commerce/';

export function toGlobalId(type: string, key: string): string {
  if (key.startsWith(GLOBAL_ID_PREFIX)) return key;
  return `${GLOBAL_ID_PREFIX}${type}/${encodeURIComponent(key)}`;
}

export interface ParsedGlobalId {
  type: string;
  key: string;
}

/** The type and key of a global id, or null for anything else (a raw id, say). */
export function parseGlobalId(id: string): ParsedGlobalId | null {
  if (!id.startsWith(GLOBAL_ID_PREFIX)) return null;
  const rest = id.slice(GLOBAL_ID_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) return null;
  try {
    return { type: rest.slice(0, slash), key: decodeURIComponent(rest.slice(slash + 1)) };
  } catch {
    return null;
  }
}

/**
 * The key an id argument names: a global id is decoded, a raw id (as the API answered before
 * global ids, still accepted during their deprecation period) passes unchanged. A malformed
 * global id, or one of another type than `expectedType`, is a BAD_USER_INPUT.
 */
export function keyOfId(id: string, expectedType?: string): string {
  if (!id.startsWith(GLOBAL_ID_PREFIX)) return id;
  const parsed = parseGlobalId(id);
  if (!parsed || (expectedType && parsed.type !== expectedType)) {
    throw new GraphQLError(`"${id}" is not ${expectedType ? `the id of a ${expectedType}` : 'an id this API answered'}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return parsed.key;
}

/** The id of an inventory level: its location and SKU, which every stock event carries too. */
export function inventoryLevelKey(locationId: string, sku: string): string {
  return `${locationId}:${sku}`;
}
