/** Events: their contracts, and live delivery of committed outbox events to a process (PostgreSQL LISTEN/NOTIFY or Redis). */
export { EVENTS_CHANNEL, type BusEvent, type BusHandler, type EventBus } from './event-bus';
export { EventFeed, type FeedListener } from './event-feed';
export { LiveQueue, type StreamLimits } from './live-queue';
export { mapStream } from './map-stream';
export { OutboxReader, type BatchPosition } from './outbox-reader';
export { PostgresEventBus } from './postgres-event-bus';
export { RedisEventBus } from './redis-event-bus';
export { defineEvent, EventContractError, type EventContract } from './event-contract';
