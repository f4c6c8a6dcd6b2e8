import { PostgresEventBus, RedisEventBus, type EventBus } from '#platform/events';
import type { Logger } from '#platform/runtime';
import type { GatewayConfig } from '../config';
import { CombinedEventBus } from './combined-event-bus';

/** The schemas whose outboxes feed live subscriptions: stock from inventory, pick lists from orders. */
export const LIVE_SCHEMAS = ['inventory', 'orders'];

/** One bus per database holding a live outbox: one in the usual case, two when orders and inventory keep their own. */
export function createEventBus(config: GatewayConfig, logger: Logger): EventBus | null {
  if (config.eventBus === 'none' || !config.eventsDatabaseUrl) return null;
  const databaseOf: Record<string, string> = {
    inventory: config.eventsDatabaseUrl,
    orders: config.ordersEventsDatabaseUrl ?? config.eventsDatabaseUrl,
  };
  const schemasByDatabase = new Map<string, string[]>();
  for (const schema of LIVE_SCHEMAS)
    schemasByDatabase.set(databaseOf[schema], [...(schemasByDatabase.get(databaseOf[schema]) ?? []), schema]);
  const buses = [...schemasByDatabase].map(([databaseUrl, schemas]) => {
    const common = { databaseUrl, schemas, logger, pollMs: config.eventPollMs };
    return config.eventBus === 'redis'
      ? new RedisEventBus({ ...common, redisUrl: config.redisUrl as string })
      : new PostgresEventBus(common);
  });
  return buses.length === 1 ? buses[0] : new CombinedEventBus(buses);
}
