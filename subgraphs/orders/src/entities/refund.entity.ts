import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One refund of returned units (and shipping): its lines' money is fixed in the transaction that
 * counts the units as refunded; its payment steps (provider, gift card, store credit, points) are
 * recorded here as they finish, and a sweeper retries those left undone, as for cancellations.
 */
@Entity({ tableName: 'refund' })
@Unique({ properties: ['callerScope', 'idempotencyKey'] })
@Index({ properties: ['state', 'leaseUntil'] })
@Index({ properties: ['orderId'] })
export class Refund {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'text' })
  callerScope!: string;

  @Property({ type: 'text' })
  idempotencyKey!: string;

  @Property({ type: 'text' })
  requestHash!: string;

  /** RUNNING while money is left to move, then COMPLETED. */
  @Property({ type: 'text' })
  state = 'RUNNING';

  /** ORIGINAL or STORE_CREDIT. */
  @Property({ type: 'text' })
  refundTo!: string;

  @Property({ type: new BigIntType('number') })
  totalMinor!: number;

  /** The lines, shipping and the share of each payment. */
  @Property({ type: 'json' })
  plan!: Record<string, unknown>;

  @Property({ type: 'json' })
  steps: Record<string, unknown> = {};

  @Property({ type: 'datetime' })
  leaseUntil!: Date;

  @Property({ type: 'integer', default: 0 })
  attempts = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
