/**
 * What other subgraphs may rely on from products: the catalog's vocabulary, and the internal
 * query that prices a cart from the catalog. Products publishes no events and no internal
 * mutation, so no userErrors code of its own crosses to another subgraph.
 */
export { ProductStatus, TaxClass } from './enums';
export {
  VariantsForPricing,
  PRICING_LOOKUP_LIMIT,
  type PricingVariant,
  type CatalogMoney,
  type VariantsForPricingVariables,
} from './commands';
