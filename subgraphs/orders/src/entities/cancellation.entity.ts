import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One cancellation of an order or of some of its units: the saga's persisted state, like the
 * checkout row. Written in the transaction that cancels the units locally (lines, fulfilment
 * orders, order.cancelled); its remote steps (stock, money, discount uses) are recorded here as
 * they finish, and a sweeper retries those left undone. Unique per caller and key, so a retried
 * or concurrent duplicate request finds the first one.
 */
@Entity({ tableName: 'cancellation' })
@Unique({ properties: ['callerScope', 'idempotencyKey'] })
@Index({ properties: ['state', 'leaseUntil'] })
@Index({ properties: ['orderId'] })
export class Cancellation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  orderId!: string;

  /** Whose key it is: `staff:<id>`, `customer:<id>`, or `system` (expired pickups). */
  @Property({ type: 'text' })
  callerScope!: string;

  @Property({ type: 'text' })
  idempotencyKey!: string;

  @Property({ type: 'text' })
  requestHash!: string;

  /** RUNNING while a remote step is left to do, then COMPLETED. */
  @Property({ type: 'text' })
  state = 'RUNNING';

  /** What was cancelled and what goes back where (units per location, money per payment). */
  @Property({ type: 'json' })
  plan!: Record<string, unknown>;

  /** Remote steps done, by name. */
  @Property({ type: 'json' })
  steps: Record<string, unknown> = {};

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
