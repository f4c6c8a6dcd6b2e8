import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A mutation already run under a client's idempotency key, with what it answered. */
@Entity({ tableName: 'idempotency_record' })
export class IdempotencyRecord {
  /** The operation, e.g. "inventoryAdjust": a key is only unique within one. */
  @PrimaryKey({ type: 'text' })
  scope!: string;

  @PrimaryKey({ type: 'text' })
  key!: string;

  /** SHA-256 of the input, to tell a retry from a different request reusing the key. */
  @Property({ type: 'text' })
  requestHash!: string;

  @Property({ type: 'json', nullable: true })
  result: unknown = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
