/** Writing events in the changing transaction, their contracts, and durable consumers of another subgraph's outbox. */
export { OutboxEvent } from './outbox-event.entity';
export { publishEvents, type EventInput } from './outbox';
export { defineEvent, EventContractError, type EventContract } from './event-contract';
export { EventConsumer, type EventConsumerOptions, type EventBatchHandler } from './event-consumer';
export { EventConsumerPosition } from './event-consumer-position.entity';
