/** The NOTIFY channel every subgraph announces outbox events on. */
export const EVENTS_CHANNEL = 'commerce_events';

/** An event read from a subgraph's outbox. */
export interface BusEvent {
  /** The outbox row id: increases with insertion, unique within its schema. */
  id: number;
  schema: string;
  topic: string;
  key: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

export type BusHandler = (events: BusEvent[]) => void;

/**
 * Delivers committed outbox events to this process, at least once. Order holds per key (one
 * level's changes commit one after the other); consumers drop what they have already seen
 * by comparing versions, and repair a gap from the source of truth.
 */
export interface EventBus {
  start(): Promise<void>;
  subscribe(handler: BusHandler): () => void;
  stop(): Promise<void>;
}

/** Fans a batch out to handlers; one failing handler does not starve the others. */
export class HandlerSet {
  private readonly handlers = new Set<BusHandler>();

  add(handler: BusHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  emit(events: BusEvent[], onError: (error: unknown) => void): void {
    if (events.length === 0) return;
    for (const handler of this.handlers) {
      try {
        handler(events);
      } catch (error) {
        onError(error);
      }
    }
  }
}
