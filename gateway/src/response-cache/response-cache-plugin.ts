import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import { Role, type Viewer } from '#platform/auth';
import { isCatalogRead } from './catalog-read';
import type { ResponseCache } from './response-cache';

/** What the plugin needs of a request's context: who asks, and with which header. */
interface CallerContext extends BaseContext {
  authorization: string | null;
  /** Absent for the gateway's own executions (live stock hydration), which are never cached. */
  viewer?: Viewer;
}

export interface ResponseCachePluginOptions {
  cache: ResponseCache;
  /** The `Type.field` coordinates catalog subgraphs resolve, for the supergraph served now. */
  catalogFields: () => ReadonlySet<string>;
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
  /** Whether each (document, operation) is a catalog read, for the catalog fields it was decided on. */
  let decisions = new LRUCache<string, boolean>({ max: 2_000 });
  let decidedFor: ReadonlySet<string> | null = null;
  return {
    requestDidStart: async ({ contextValue }) => {
      if (!contextValue.viewer || contextValue.viewer.role !== Role.ANONYMOUS || contextValue.authorization !== null) return {};
      let key: string | null = null;
      let generation = 0;
      let hit = false;
      return {
        responseForOperation: async ({ schema, document, operation, queryHash, operationName, request }) => {
          if (!operation || !queryHash) return null;
          const fields = options.catalogFields();
          if (fields !== decidedFor) {
            decisions = new LRUCache<string, boolean>({ max: 2_000 });
            decidedFor = fields;
          }
          const decisionKey = `${operationName ?? ''}\n${queryHash}`;
          let catalog = decisions.get(decisionKey);
          if (catalog === undefined) {
            catalog = isCatalogRead(schema, document, operation, fields);
            decisions.set(decisionKey, catalog);
          }
          if (!catalog) return null;
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
