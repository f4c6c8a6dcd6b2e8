import { GraphQLError, Kind, print, visit, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { GatewayExecutor } from './gateway-executor';
import { markHydrated } from './subscription-schema';

const ROOTS = {
  variant: { field: 'productVariant', arg: 'sku', type: 'String!' },
  location: { field: 'location', arg: 'id', type: 'ID!' },
  level: { field: 'inventoryLevel', arg: 'id', type: 'ID!' },
  fulfillmentOrder: { field: 'fulfillmentOrder', arg: 'id', type: 'ID!' },
} as const;

export type HydrationTarget = keyof typeof ROOTS;

/**
 * Resolves the supergraph part of a live item (the variant's title, price…, the location's
 * name, a fulfilment order's lines) through the gateway's own execution. Subscribers who select the same fields under the
 * same auth scope share one execution per event: 10,000 kiosks on one change cost one query.
 * A slow or failed subgraph costs at most `timeoutMs`, then the item goes out without it.
 */
export class Hydrator {
  /** Operations actually executed, for the benchmark and for tests. */
  executed = 0;
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    private readonly execute: GatewayExecutor,
    private readonly timeoutMs: number,
  ) {}

  hydrate(
    target: HydrationTarget,
    id: string,
    eventKey: string,
    info: GraphQLResolveInfo,
    authorization: string | null,
    scope: string,
  ): Promise<unknown> {
    const { query, variables } = this.operation(target, id, info);
    const key = `${eventKey}\u0000${scope}\u0000${query}\u0000${JSON.stringify(variables)}`;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.run(target, query, variables, authorization);
      this.cache.set(key, pending);
      setTimeout(() => this.cache.delete(key), 10_000).unref();
    }
    return pending;
  }

  private async run(
    target: HydrationTarget,
    query: string,
    variables: Record<string, unknown>,
    authorization: string | null,
  ): Promise<unknown> {
    this.executed += 1;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unavailable(target, 'it did not answer in time')), this.timeoutMs);
    });
    try {
      const result = await Promise.race([this.execute<Record<string, unknown>>(query, variables, authorization), deadline]);
      if (result.errors?.length && !result.data?.[ROOTS[target].field]) throw unavailable(target, result.errors[0].message);
      return markHydrated(result.data?.[ROOTS[target].field] ?? null);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The client's selection under the field, as a query of its own with the fragments and variables it uses. */
  private operation(target: HydrationTarget, id: string, info: GraphQLResolveInfo): { query: string; variables: Record<string, unknown> } {
    const root = ROOTS[target];
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
    const definitions = (info.operation.variableDefinitions ?? []).filter((d) => variablesUsed.has(d.variable.name.value));
    const declared = [`$__id: ${root.type}`, ...definitions.map((d) => print(d))].join(', ');
    const query = [
      `query Hydrate${root.field}(${declared}) { ${root.field}(${root.arg}: $__id) ${print(selection)} }`,
      ...[...fragments.values()].map((f) => print({ ...f, kind: Kind.FRAGMENT_DEFINITION })),
    ].join('\n');
    const variables: Record<string, unknown> = { __id: id };
    for (const name of variablesUsed) variables[name] = info.variableValues[name];
    return { query, variables };
  }
}

function unavailable(target: HydrationTarget, why: string): GraphQLError {
  return new GraphQLError(`The ${target} details could not be loaded (${why}); the rest of the item is still current`, {
    extensions: { code: 'HYDRATION_FAILED' },
  });
}
