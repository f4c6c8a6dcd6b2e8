import { GraphQLError, Kind, print, visit, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { GATEWAY_QUERY_LIMITS } from '#platform/runtime';
import type { ExecutionResultLike, GatewayExecutor } from './gateway-executor';
import { markHydrated } from './subscription-schema';

const ROOTS = {
  variant: { field: 'productVariant', arg: 'sku', type: 'String!' },
  location: { field: 'location', arg: 'id', type: 'ID!' },
  level: { field: 'inventoryLevel', arg: 'id', type: 'ID!' },
  fulfillmentOrder: { field: 'fulfillmentOrder', arg: 'id', type: 'ID!' },
} as const;

export type HydrationTarget = keyof typeof ROOTS;

/** Another item that came in the same batch (a snapshot, a replay), hydrated together with the first one asked. */
export interface HydrationSibling {
  id: string;
  eventKey: string;
}

/** Ids per batched operation at most; fewer when the client's selection has aliases of its own. */
const BATCH_SIZE = 25;

/** One id's part of a batch: what came back, or why nothing did. */
type Answer = { value: unknown } | { error: Error };

interface Operation {
  /** The client's selection under the root field, printed. */
  selection: string;
  /** The fragments it spreads, printed. */
  fragments: string[];
  /** The client's variable definitions it uses, printed. */
  declared: string[];
  variables: Record<string, unknown>;
  /** Aliases in the selection, and in the fragments (which a batch carries once). */
  aliases: { selection: number; fragments: number };
}

/**
 * Resolves the supergraph part of a live item (the variant's title, price…, the location's
 * name, a fulfilment order's lines) through the gateway's own execution. Subscribers who select
 * the same fields under the same auth scope share one execution per event: 10,000 kiosks on one
 * change cost one query. The items of one batch (a kiosk's first snapshot of 300 levels) are
 * hydrated together, 25 ids to an operation, when the first of them is resolved, instead of one
 * operation per item as graphql-ws pulls them. A slow or failed subgraph costs at most
 * `timeoutMs`, then the item goes out without it.
 */
export class Hydrator {
  /** Operations actually executed, for the benchmark and for tests. */
  executed = 0;
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    private readonly execute: GatewayExecutor,
    private readonly timeoutMs: number,
    /** The gateway's alias limit, which a batch of aliased root fields must stay under. */
    private readonly maxAliases = GATEWAY_QUERY_LIMITS.maxAliases,
  ) {}

  hydrate(
    target: HydrationTarget,
    id: string,
    eventKey: string,
    info: GraphQLResolveInfo,
    authorization: string | null,
    scope: string,
    siblings?: () => HydrationSibling[],
  ): Promise<unknown> {
    const operation = this.operation(info);
    const shape = [
      scope,
      target,
      operation.selection,
      ...operation.fragments,
      ...operation.declared,
      JSON.stringify(operation.variables),
    ].join('\u0000');
    const keyOf = (item: HydrationSibling) => `${item.eventKey}\u0000${item.id}\u0000${shape}`;
    const key = keyOf({ id, eventKey });
    const pending = this.cache.get(key);
    if (pending) return pending;
    // This item, then those of its batch nobody has hydrated yet, each id once.
    const byId = new Map<string, string[]>([[id, [key]]]);
    for (const sibling of siblings?.() ?? []) {
      const siblingKey = keyOf(sibling);
      if (this.cache.has(siblingKey)) continue;
      const keys = byId.get(sibling.id);
      if (!keys) byId.set(sibling.id, [siblingKey]);
      else if (!keys.includes(siblingKey)) keys.push(siblingKey);
    }
    const ids = [...byId.keys()];
    // Each id costs its root alias and the selection's own; the fragments come once per operation.
    const perId = 1 + operation.aliases.selection;
    const size = Math.max(1, Math.min(BATCH_SIZE, Math.floor((this.maxAliases - operation.aliases.fragments) / perId)));
    for (let start = 0; start < ids.length; start += size) {
      const chunk = ids.slice(start, start + size);
      const results = this.runBatch(target, chunk, operation, authorization);
      chunk.forEach((chunkId, index) => {
        const result = results.then((all) => {
          const answer = all[index];
          if ('error' in answer) throw answer.error;
          return answer.value;
        });
        // Whoever reads it handles its failure; an unread sibling's must not be an unhandled rejection.
        result.catch(() => {});
        for (const itemKey of byId.get(chunkId) ?? []) this.remember(itemKey, result);
      });
    }
    return this.cache.get(key) as Promise<unknown>;
  }

  private remember(key: string, result: Promise<unknown>): void {
    this.cache.set(key, result);
    setTimeout(() => this.cache.delete(key), 10_000).unref();
  }

  /**
   * One operation for the ids, each under its own alias: each id's answer, or its error. An
   * operation refused as a whole (too costly for the gateway's limits) is split in two and each
   * half asked again, down to single ids.
   */
  private async runBatch(target: HydrationTarget, ids: string[], operation: Operation, authorization: string | null): Promise<Answer[]> {
    const variables: Record<string, unknown> = { ...operation.variables };
    ids.forEach((id, index) => (variables[`__id${index}`] = id));
    let result: ExecutionResultLike<Record<string, unknown>>;
    try {
      result = await this.withDeadline(target, this.query(target, operation, ids.length), variables, authorization);
    } catch (error) {
      const failure = error instanceof Error ? error : unavailable(target, String(error));
      return ids.map(() => ({ error: failure }));
    }
    const data = result.data;
    if (!data) {
      if (ids.length === 1) return [{ error: unavailable(target, result.errors?.[0]?.message ?? 'no answer') }];
      const half = Math.ceil(ids.length / 2);
      const [first, second] = await Promise.all([
        this.runBatch(target, ids.slice(0, half), operation, authorization),
        this.runBatch(target, ids.slice(half), operation, authorization),
      ]);
      return [...first, ...second];
    }
    return ids.map((_, index) => {
      const value = data[`__${index}`];
      const error = result.errors?.find((e) => e.path?.[0] === `__${index}`);
      return error && value == null ? { error: unavailable(target, error.message) } : { value: markHydrated(value ?? null) };
    });
  }

  private async withDeadline(target: HydrationTarget, query: string, variables: Record<string, unknown>, authorization: string | null) {
    this.executed += 1;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unavailable(target, 'it did not answer in time')), this.timeoutMs);
    });
    try {
      return await Promise.race([this.execute<Record<string, unknown>>(query, variables, authorization), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** `count` copies of the root field, aliased `__0`, `__1`…, each with its own id variable. */
  private query(target: HydrationTarget, operation: Operation, count: number): string {
    const root = ROOTS[target];
    const indexes = Array.from({ length: count }, (_, index) => index);
    const declared = [...indexes.map((index) => `$__id${index}: ${root.type}`), ...operation.declared].join(', ');
    const fields = indexes.map((index) => `__${index}: ${root.field}(${root.arg}: $__id${index}) ${operation.selection}`).join(' ');
    return [`query Hydrate${root.field}(${declared}) { ${fields} }`, ...operation.fragments].join('\n');
  }

  /** The client's selection under the field, with the fragments and variables it uses. */
  private operation(info: GraphQLResolveInfo): Operation {
    const selection = info.fieldNodes[0].selectionSet as SelectionSetNode;
    const fragments = new Map<string, FragmentDefinitionNode>();
    const variablesUsed = new Set<string>();
    const collect = (node: SelectionSetNode | FragmentDefinitionNode) =>
      visit(node, {
        FragmentSpread: (spread) => {
          const name = spread.name.value;
          if (!fragments.has(name) && info.fragments[name]) {
            fragments.set(name, info.fragments[name]);
            collect(info.fragments[name]);
          }
        },
        Variable: (variable) => void variablesUsed.add(variable.name.value),
      });
    collect(selection);
    const variables: Record<string, unknown> = {};
    for (const name of variablesUsed) variables[name] = info.variableValues[name];
    const countAliases = (node: SelectionSetNode | FragmentDefinitionNode) => {
      let aliases = 0;
      visit(node, { Field: (field) => void (field.alias && (aliases += 1)) });
      return aliases;
    };
    return {
      aliases: {
        selection: countAliases(selection),
        fragments: [...fragments.values()].reduce((total, fragment) => total + countAliases(fragment), 0),
      },
      selection: print(selection),
      fragments: [...fragments.values()].map((f) => print({ ...f, kind: Kind.FRAGMENT_DEFINITION })),
      declared: (info.operation.variableDefinitions ?? []).filter((d) => variablesUsed.has(d.variable.name.value)).map((d) => print(d)),
      variables,
    };
  }
}

function unavailable(target: HydrationTarget, why: string): GraphQLError {
  return new GraphQLError(`The ${target} details could not be loaded (${why}); the rest of the item is still current`, {
    extensions: { code: 'HYDRATION_FAILED' },
  });
}
