/** The response cache for anonymous catalog reads, what tells it of catalog changes, and the Cache-Control headers on the same criterion. */
export { catalogEventBus, invalidateOnCatalogEvents, type CatalogEventsOptions } from './catalog-events';
export { CACHEABLE_ROOT_FIELDS, CATALOG_SUBGRAPHS, catalogFieldsOf } from './catalog-fields';
export { isCatalogRead } from './catalog-read';
export { CatalogReads, isAnonymousClient, type CallerContext } from './cacheable-request';
export { cacheControlPlugin, NOT_CACHEABLE, type CacheControlPluginOptions } from './cache-control-plugin';
export { ResponseCache, type ResponseCacheOptions } from './response-cache';
export { responseCachePlugin } from './response-cache-plugin';
