import { PostgresEventBus } from '#platform/events';
import { createLogger } from '#platform/runtime';
import { loadGatewayConfig } from '../config';
import { CombinedEventBus } from './combined-event-bus';
import { createEventBus } from './event-bus-factory';

const logger = createLogger('bus-factory-spec', 'silent');
const config = (env: Record<string, string>) => loadGatewayConfig({ JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters!', ...env });

it('reads both live outboxes with one bus when the subgraphs share a database', () => {
  const shared = config({ DATABASE_URL: 'postgres://db/commerce' });
  expect(shared.ordersEventsDatabaseUrl).toBe(shared.eventsDatabaseUrl);
  expect(createEventBus(shared, logger)).toBeInstanceOf(PostgresEventBus);
});

it('reads the orders outbox from its own database when orders or inventory keeps one', () => {
  const ownInventory = config({ DATABASE_URL: 'postgres://db/commerce', INVENTORY_DATABASE_URL: 'postgres://db/inventory' });
  expect([ownInventory.eventsDatabaseUrl, ownInventory.ordersEventsDatabaseUrl]).toEqual([
    'postgres://db/inventory',
    'postgres://db/commerce',
  ]);
  expect(createEventBus(ownInventory, logger)).toBeInstanceOf(CombinedEventBus);
  const ownOrders = config({ DATABASE_URL: 'postgres://db/commerce', ORDERS_DATABASE_URL: 'postgres://db/orders' });
  expect(ownOrders.ordersEventsDatabaseUrl).toBe('postgres://db/orders');
  expect(createEventBus(ownOrders, logger)).toBeInstanceOf(CombinedEventBus);
});
