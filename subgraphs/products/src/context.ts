import type { CurrencyCode } from '#platform/graphql';
import type { RequestContext } from '#platform/server';
import { createProductLoaders, type ProductLoaders } from './loaders/product.loaders';

export interface ProductsSettings {
  /** The currency prices are kept in. */
  currencyCode: CurrencyCode;
}

/** The products subgraph's request context: the platform's, plus its settings and DataLoaders. */
export interface ProductsContext extends RequestContext, ProductsSettings {
  loaders: ProductLoaders;
}

export function createProductsContext(base: RequestContext, settings: ProductsSettings): ProductsContext {
  return { ...base, ...settings, loaders: createProductLoaders(base.em) };
}
