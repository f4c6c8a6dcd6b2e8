/** What other subgraphs may rely on from products: the catalog's vocabulary. */
export { ProductStatus, TaxClass } from './enums';
