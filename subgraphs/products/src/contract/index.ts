/**
 * What other subgraphs may rely on from products: the catalog's vocabulary, the events a catalog
 * change publishes, and the internal query that prices a cart from the catalog. Products takes
 * no internal mutation, so no userErrors code of its own crosses to another subgraph.
 */
export { ProductStatus, TaxClass } from './enums';
export { CategoryChanged, ProductChanged, type CategoryChangedPayload, type ProductChangedPayload } from './events';
export {
  VariantsForPricing,
  PRICING_LOOKUP_LIMIT,
  type PricingVariant,
  type CatalogMoney,
  type VariantsForPricingVariables,
} from './commands';
