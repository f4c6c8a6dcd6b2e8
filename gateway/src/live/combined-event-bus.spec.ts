import type { BusEvent, BusHandler, EventBus } from '#platform/events';
import { CombinedEventBus } from './combined-event-bus';

class FakeBus implements EventBus {
  handlers = new Set<BusHandler>();
  running = false;
  constructor(private readonly failsToStart = false) {}
  start(): Promise<void> {
    if (this.failsToStart) return Promise.reject(new Error('database unreachable'));
    this.running = true;
    return Promise.resolve();
  }
  subscribe(handler: BusHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
  stop(): Promise<void> {
    this.running = false;
    return Promise.resolve();
  }
  emit(schema: string): void {
    const event: BusEvent = { id: 1, schema, topic: 't', key: 'k', payload: {}, createdAt: new Date(0).toISOString() };
    for (const handler of this.handlers) handler([event]);
  }
}

it('hands a subscriber the events of every bus, until it unsubscribes', async () => {
  const inventory = new FakeBus();
  const orders = new FakeBus();
  const bus = new CombinedEventBus([inventory, orders]);
  await bus.start();
  const heard: string[] = [];
  const unsubscribe = bus.subscribe((events) => heard.push(...events.map((e) => e.schema)));
  inventory.emit('inventory');
  orders.emit('orders');
  unsubscribe();
  orders.emit('orders');
  expect(heard).toEqual(['inventory', 'orders']);
  await bus.stop();
  expect([inventory.running, orders.running]).toEqual([false, false]);
});

it('does not start half-live: when one bus cannot start, those started are stopped', async () => {
  const inventory = new FakeBus();
  const bus = new CombinedEventBus([inventory, new FakeBus(true)]);
  await expect(bus.start()).rejects.toThrow('database unreachable');
  expect(inventory.running).toBe(false);
});
