import { str } from 'envalid';
import { ConfigError, loadConfig } from '#platform/config';
import { isCurrencyCode, type CurrencyCode } from '#platform/graphql';
import type { RequestContext } from '#platform/server';
import { createProductLoaders, type ProductLoaders } from './loaders/product.loaders';

export interface ProductsSettings {
  /** The currency prices are kept in. */
  currencyCode: CurrencyCode;
}

/** The products subgraph's own environment: SHOP_CURRENCY, an ISO 4217 code (EUR by default). */
export function productsSettings(env: NodeJS.ProcessEnv): ProductsSettings {
  const { SHOP_CURRENCY } = loadConfig({ SHOP_CURRENCY: str({ default: 'EUR' }) }, env);
  if (!isCurrencyCode(SHOP_CURRENCY)) {
    throw new ConfigError(`Invalid configuration:\n  SHOP_CURRENCY: "${SHOP_CURRENCY}" is not a supported ISO 4217 code`);
  }
  return { currencyCode: SHOP_CURRENCY };
}

/** The products subgraph's request context: the platform's, plus its settings and DataLoaders. */
export interface ProductsContext extends RequestContext, ProductsSettings {
  loaders: ProductLoaders;
}

/** Runs once per request and again for a mutation's transaction, so loaders always read through `base.em`. */
export function createProductsContext(base: RequestContext, settings: ProductsSettings): ProductsContext {
  return { ...base, currencyCode: settings.currencyCode, loaders: createProductLoaders(base.em) };
}
