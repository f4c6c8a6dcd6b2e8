import type { BusEvent, EventBus } from './event-bus';

export interface FeedListener {
  receive(events: BusEvent[]): void;
}

/** One bus subscription per process, fanned out to every live subscriber on it. */
export class EventFeed {
  private readonly listeners = new Set<FeedListener>();
  private readonly unsubscribe: () => void;

  constructor(bus: EventBus) {
    this.unsubscribe = bus.subscribe((events) => {
      for (const listener of this.listeners) listener.receive(events);
    });
  }

  add(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  close(): void {
    this.unsubscribe();
    this.listeners.clear();
  }
}
