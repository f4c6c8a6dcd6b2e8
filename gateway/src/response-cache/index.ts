/** The response cache for anonymous catalog reads, and what tells it of catalog changes. */
export { catalogEventBus, invalidateOnCatalogEvents, type CatalogEventsOptions } from './catalog-events';
export { CACHEABLE_ROOT_FIELDS, CATALOG_SUBGRAPHS, catalogFieldsOf } from './catalog-fields';
export { isCatalogRead } from './catalog-read';
export { ResponseCache, type ResponseCacheOptions } from './response-cache';
export { responseCachePlugin } from './response-cache-plugin';
