/**
 * The catalog's vocabulary other subgraphs read in its answers. Declared here, where a contract
 * can reach it, and registered as GraphQL enums by the products entities.
 */

/** Where a product is in its life: DRAFT is being prepared, ACTIVE is for sale, ARCHIVED is kept for history. */
export enum ProductStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}

/**
 * Which VAT/sales-tax rate a product is sold at; the rate itself belongs to the jurisdiction,
 * so the orders subgraph maps a class to a rate where it taxes the sale.
 */
export enum TaxClass {
  /** The jurisdiction's standard rate: most goods. */
  STANDARD = 'STANDARD',
  /** A reduced rate: food, books, some repair services, depending on the jurisdiction. */
  REDUCED = 'REDUCED',
  /** Zero-rated: taxable, but at 0 %. */
  ZERO = 'ZERO',
}
