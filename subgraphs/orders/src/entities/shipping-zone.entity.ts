import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A set of countries that share shipping rates. */
@Entity({ tableName: 'shipping_zone' })
export class ShippingZone {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  /** ISO 3166-1 alpha-2 codes. */
  @Property({ type: 'text[]' })
  countries!: string[];

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** One way to ship to a zone: its price, when it is free, how long it takes. */
@Entity({ tableName: 'shipping_rate' })
export class ShippingRate {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  zoneId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: new BigIntType('number') })
  priceMinor!: number;

  /** Free from this subtotal after discounts; null: never free. */
  @Property({ type: new BigIntType('number'), nullable: true })
  freeAboveMinor: number | null = null;

  @Property({ type: 'integer' })
  minDays!: number;

  @Property({ type: 'integer' })
  maxDays!: number;

  /** The order the zone lists its rates in. */
  @Property({ type: 'integer', default: 0 })
  position = 0;
}
