import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { SCHEMA } from '../constants';
import { TaxClass } from './cart-enums';

/** A destination's rate for one tax class; a region's rate overrides its country's. */
@Entity({ tableName: 'tax_rate' })
@Index({
  name: 'tax_rate_destination_class_unique',
  expression: `create unique index "tax_rate_destination_class_unique" on "${SCHEMA}"."tax_rate" ("country_code", coalesce("region", ''), "tax_class")`,
})
@Check({ name: 'tax_rate_basis_points_min', expression: 'rate_basis_points >= 0' })
@Check({ name: 'tax_rate_basis_points_max', expression: 'rate_basis_points <= 10000' })
export class TaxRate {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** ISO 3166-1 alpha-2. */
  @Property({ type: 'text' })
  countryCode!: string;

  /** A region's own rate (a province or state); null for the whole country. */
  @Property({ type: 'text', nullable: true })
  region: string | null = null;

  @Enum({ items: () => TaxClass })
  taxClass!: TaxClass;

  /** 1900 = 19 %. */
  @Property({ type: 'integer' })
  rateBasisPoints!: number;

  /** What receipts call it, e.g. "MwSt. 19 %". */
  @Property({ type: 'text' })
  name!: string;
}
