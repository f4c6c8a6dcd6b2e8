import type { ApolloServerPlugin } from '@apollo/server';
import { isAnonymousClient, type CallerContext, type CatalogReads } from './cacheable-request';

/** What every answer that is not an anonymous catalog read over GET says: no cache may keep it. */
export const NOT_CACHEABLE = 'private, no-store';

export interface CacheControlPluginOptions {
  /** Which operations are catalog reads, for the supergraph served now. */
  catalogReads: CatalogReads;
  /** How long a shared cache (a CDN, a browser) may keep an answer; null: never. */
  maxAgeSeconds: number | null;
}

/**
 * The Cache-Control header of every GraphQL answer. A GET without a token whose operation is a
 * catalog read (the response cache's criterion) and whose answer has no error may be kept by
 * any cache for `maxAgeSeconds` (`public, max-age=…`): with a persisted query's hash, its URL is
 * short and stable, so a CDN can serve it. Everything else (a POST, a token, a field beyond the
 * catalog, an error, a mutation) is `private, no-store`. Requests carry `Vary: Authorization`
 * (set beside the route) so a shared cache never hands an anonymous answer to a signed-in caller.
 */
export function cacheControlPlugin<C extends CallerContext>(options: CacheControlPluginOptions): ApolloServerPlugin<C> {
  return {
    requestDidStart: async ({ contextValue }) => ({
      willSendResponse: async (requestContext) => {
        const { request, response } = requestContext;
        const shareable =
          options.maxAgeSeconds !== null &&
          request.http?.method === 'GET' &&
          isAnonymousClient(contextValue) &&
          response.body.kind === 'single' &&
          !response.body.singleResult.errors?.length &&
          (response.http.status ?? 200) === 200 &&
          options.catalogReads.isCatalogRead(requestContext);
        response.http.headers.set('cache-control', shareable ? `public, max-age=${options.maxAgeSeconds}` : NOT_CACHEABLE);
      },
    }),
  };
}
