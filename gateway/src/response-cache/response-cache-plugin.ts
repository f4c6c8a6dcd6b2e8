import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { isAnonymousClient, type CallerContext, type CatalogReads } from './cacheable-request';
import type { ResponseCache } from './response-cache';

export interface ResponseCachePluginOptions {
  cache: ResponseCache;
  /** Which operations are catalog reads, for the supergraph served now. */
  catalogReads: CatalogReads;
  /** Counts each cacheable request as a hit or a miss, and each answer stored. */
  count?: (outcome: 'hit' | 'miss' | 'stored') => void;
}

/**
 * Answers anonymous catalog reads from the response cache, before any planning or subgraph
 * call, and stores the answers of the others. Only a client's request without an
 * Authorization header, whose operation is a catalog read (isCatalogRead), is looked up or
 * stored; an answer with errors, a partial one or an incremental one is never stored. The
 * lookup runs after the document limits, the cost and the throttle, so a cached answer is
 * charged as any other.
 */
export function responseCachePlugin<C extends CallerContext>(options: ResponseCachePluginOptions): ApolloServerPlugin<C> {
  const { cache } = options;
  return {
    requestDidStart: async ({ contextValue }) => {
      if (!isAnonymousClient(contextValue)) return {};
      let key: string | null = null;
      let generation = 0;
      let hit = false;
      return {
        responseForOperation: async (requestContext) => {
          const { queryHash, operationName, request } = requestContext;
          if (!queryHash || !options.catalogReads.isCatalogRead(requestContext)) return null;
          key = cache.keyOf(queryHash, operationName, request.variables);
          generation = cache.generation;
          const data = cache.get(key);
          if (data === undefined) {
            options.count?.('miss');
            return null;
          }
          hit = true;
          options.count?.('hit');
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
        willSendResponse: async ({ response }) => {
          if (key === null || hit || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (errors?.length || !data || (response.http.status ?? 200) !== 200) return;
          if (cache.set(key, data, generation)) options.count?.('stored');
        },
      };
    },
  };
}
