import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * In how many orders two products were bought together, kept current by the transactions that
 * place and cancel orders (both directions stored, so one product's partners are one index
 * range). Frequently bought together ranks partners by lift from these and ProductOrderCount.
 */
@Entity({ tableName: 'product_pair_count' })
export class ProductPairCount {
  @PrimaryKey({ type: 'text' })
  productId!: string;

  @PrimaryKey({ type: 'text' })
  otherProductId!: string;

  @Property({ type: 'integer' })
  orders!: number;
}

/** In how many (not cancelled) orders a product was bought: the denominator of lift. */
@Entity({ tableName: 'product_order_count' })
export class ProductOrderCount {
  @PrimaryKey({ type: 'text' })
  productId!: string;

  @Property({ type: 'integer' })
  orders!: number;
}
