import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Customer } from './customer.entity';

/**
 * A postal address a customer saved. Served as the platform's shared `Address` type (the
 * fields match), with its id, so clients update and delete it by that id.
 */
@Entity({ tableName: 'customer_address' })
export class CustomerAddress {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Customer, { mapToPk: true, fieldName: 'customer_id', deleteRule: 'cascade' })
  @Index()
  customerId!: string;

  @Property({ type: 'text' })
  address1!: string;

  @Property({ type: 'text', nullable: true })
  address2: string | null = null;

  @Property({ type: 'text' })
  city!: string;

  @Property({ type: 'text', nullable: true })
  province: string | null = null;

  @Property({ type: 'text', nullable: true })
  postalCode: string | null = null;

  @Property({ type: 'text', length: 2 })
  countryCode!: string;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
