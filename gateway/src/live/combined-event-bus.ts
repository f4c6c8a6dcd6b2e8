import type { BusHandler, EventBus } from '#platform/events';

/**
 * Several buses as one, for outboxes kept in different databases (inventory's and orders' when
 * each subgraph has its own): handlers hear every one of them. Order holds per bus, which is
 * all consumers rely on (per key, and a key lives in one outbox).
 */
export class CombinedEventBus implements EventBus {
  constructor(private readonly buses: readonly EventBus[]) {}

  async start(): Promise<void> {
    const started: EventBus[] = [];
    try {
      for (const bus of this.buses) {
        await bus.start();
        started.push(bus);
      }
    } catch (error) {
      // A gateway that cannot read every outbox does not start half-live.
      await Promise.all(started.map((bus) => bus.stop()));
      throw error;
    }
  }

  subscribe(handler: BusHandler): () => void {
    const unsubscribes = this.buses.map((bus) => bus.subscribe(handler));
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }

  async stop(): Promise<void> {
    await Promise.all(this.buses.map((bus) => bus.stop()));
  }
}
