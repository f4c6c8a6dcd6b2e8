import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An event a subgraph wrote in the same transaction as the change it describes (the outbox).
 * The table is the source of truth: a NOTIFY only wakes listeners, and a listener that missed
 * one reads from the last id it saw. A rolled-back change leaves no row and no notification.
 */
@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['topic', 'id'] })
export class OutboxEvent {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  /** e.g. "inventory.level.changed" */
  @Property({ type: 'text' })
  topic!: string;

  /** What the event is about, e.g. "SKU-1@<location id>", for consumers that filter. */
  @Property({ type: 'text' })
  key!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
