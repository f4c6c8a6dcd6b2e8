import { randomUUID } from 'node:crypto';
import { BigIntType, Check, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A SKU in a cart, once per cart; its price is read from the catalog whenever the cart is priced. */
@Entity({ tableName: 'cart_line' })
@Unique({ properties: ['cartId', 'sku'] })
@Check({ name: 'cart_line_quantity_min', expression: 'quantity >= 1' })
@Check({ name: 'cart_line_quantity_max', expression: 'quantity <= 999' })
export class CartLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  cartId!: string;

  @Property({ type: 'text' })
  sku!: string;

  /** 1 to 999. */
  @Property({ type: 'integer' })
  quantity!: number;

  /** The unit price when the line was added, in minor units: PRICE_CHANGED compares with it. */
  @Property({ type: new BigIntType('number'), nullable: true })
  priceAtAddMinor: number | null = null;

  /** Lines show in the order they were added. */
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
