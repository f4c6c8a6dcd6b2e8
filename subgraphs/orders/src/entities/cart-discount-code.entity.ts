import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A code the shopper entered; it stays on the cart whether or not it applies. */
@Entity({ tableName: 'cart_discount_code' })
export class CartDiscountCode {
  @PrimaryKey({ type: 'text' })
  cartId!: string;

  /** Upper-cased: codes are matched without regard to case. */
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
