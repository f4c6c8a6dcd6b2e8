import type { Logger } from '../runtime/logger';
import { HandlerSet, type BusHandler, type EventBus } from './event-bus';
import { OutboxReader } from './outbox-reader';

/** The default bus: this process reads the outbox itself, woken by LISTEN/NOTIFY. */
export class PostgresEventBus implements EventBus {
  private readonly handlers = new HandlerSet();
  private readonly reader: OutboxReader;

  constructor(
    options: { databaseUrl: string; schemas: string[]; logger: Logger; pollMs?: number },
    private readonly logger: Logger = options.logger,
  ) {
    this.reader = new OutboxReader(options, (events) =>
      this.handlers.emit(events, (error) => this.logger.error({ err: error }, 'event handler failed')),
    );
  }

  start(): Promise<void> {
    return this.reader.start();
  }

  subscribe(handler: BusHandler): () => void {
    return this.handlers.add(handler);
  }

  stop(): Promise<void> {
    return this.reader.stop();
  }
}
