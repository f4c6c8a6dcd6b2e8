import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Something that happened to an order, numbered per order (+1 each); also written to the outbox. */
@Entity({ tableName: 'order_event' })
export class OrderEvent {
  @PrimaryKey({ type: 'uuid' })
  orderId!: string;

  @PrimaryKey({ type: 'integer' })
  sequence!: number;

  /** order.placed, order.paid… */
  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'datetime' })
  occurredAt: Date = new Date();
}
