import { PostgresEventBus, RedisEventBus, type EventBus } from '#platform/events';
import type { Logger } from '#platform/runtime';
import type { GatewayConfig } from '../config';

/** The schemas whose outboxes feed live subscriptions: stock from inventory, pick lists from orders. */
export const LIVE_SCHEMAS = ['inventory', 'orders'];

export function createEventBus(config: GatewayConfig, logger: Logger): EventBus | null {
  if (config.eventBus === 'none' || !config.eventsDatabaseUrl) return null;
  const common = { databaseUrl: config.eventsDatabaseUrl, schemas: LIVE_SCHEMAS, logger, pollMs: config.eventPollMs };
  return config.eventBus === 'redis' ? new RedisEventBus({ ...common, redisUrl: config.redisUrl as string }) : new PostgresEventBus(common);
}
