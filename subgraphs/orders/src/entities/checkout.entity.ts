import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { SCHEMA } from '../constants';
import { CheckoutState } from './order-enums';

/**
 * One attempt to turn a cart into an order: the saga's persisted state. Written before the first
 * remote call and after each step, so a sweeper can finish or compensate it if its process dies.
 * At most one live checkout per cart (a partial unique index): two tabs racing get one.
 */
@Entity({ tableName: 'checkout' })
@Unique({ properties: ['callerScope', 'idempotencyKey'] })
@Index({
  name: 'checkout_live_cart_unique',
  expression: `create unique index "checkout_live_cart_unique" on "${SCHEMA}"."checkout" ("cart_id") where "state" <> 'FAILED'`,
})
@Index({ properties: ['state', 'leaseUntil'] })
export class Checkout {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  cartId!: string;

  /** Whose idempotency key this is: a customer, staff member, or the guest's cart. */
  @Property({ type: 'text' })
  callerScope!: string;

  @Property({ type: 'text' })
  idempotencyKey!: string;

  @Property({ type: 'text' })
  requestHash!: string;

  @Enum({ items: () => CheckoutState })
  state: CheckoutState = CheckoutState.RUNNING;

  /** The input (tenders, email), the priced cart, and each step's result: everything a sweeper needs. */
  @Property({ type: 'json' })
  plan!: Record<string, unknown>;

  /** Steps started and their results, by step name; a started step without a result may or may not have run. */
  @Property({ type: 'json' })
  steps: Record<string, unknown> = {};

  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  /** Why it failed, as the caller was told: user errors. */
  @Property({ type: 'json', nullable: true })
  failure: unknown = null;

  /** The process working on it holds it until then; past it, the sweeper may take it over. */
  @Property({ type: 'datetime' })
  leaseUntil!: Date;

  @Property({ type: 'integer', default: 0 })
  attempts = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
