/** Writing events in the changing transaction, and durable consumers of another subgraph's outbox. */
export { OutboxEvent } from './outbox-event.entity';
export { announceEvents, publishEvents, type EventAnnouncement, type EventInput } from './outbox';
export { EventConsumer, type EventConsumerOptions, type EventHandler } from './event-consumer';
export { EventConsumerPosition } from './event-consumer-position.entity';
