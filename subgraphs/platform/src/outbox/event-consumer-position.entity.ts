import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * How far a durable consumer has read another subgraph's outbox, kept in the consuming
 * subgraph's own schema. Every id up to `position` has been handled, so a consumer that starts
 * again (or another replica that takes over) resumes after it.
 */
@Entity({ tableName: 'event_consumer_position' })
export class EventConsumerPosition {
  /** What reads, e.g. "promotions.customer-merges". */
  @PrimaryKey({ type: 'text' })
  consumer!: string;

  /** Whose outbox it reads, e.g. "customers". */
  @PrimaryKey({ type: 'text' })
  sourceSchema!: string;

  @Property({ type: new BigIntType('number'), default: 0 })
  position = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
