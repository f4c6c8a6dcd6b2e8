import type { z } from 'zod';
import type { EventInput } from '../outbox/outbox';

/** A payload that does not match its topic's contract: a producer bug, never retried. */
export class EventContractError extends Error {
  override readonly name = 'EventContractError';
}

/**
 * One event topic and the shape of its payload, declared once in the producing subgraph's
 * `src/contract/` and imported by producer and consumers alike: the producer can only write
 * what the contract allows, and a consumer parses instead of casting.
 */
export interface EventContract<T extends Record<string, unknown>> {
  readonly topic: string;
  /** The outbox row for this event; `key` orders events of one aggregate. */
  event(key: string, payload: T): EventInput;
  /** The payload, checked; throws EventContractError when it does not match. */
  parse(payload: unknown): T;
}

export function defineEvent<S extends z.ZodType<Record<string, unknown>>>(topic: string, schema: S): EventContract<z.infer<S>> {
  return {
    topic,
    event: (key, payload) => ({ topic, key, payload: schema.parse(payload) }),
    parse: (payload) => {
      const result = schema.safeParse(payload);
      if (!result.success)
        throw new EventContractError(`${topic}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return result.data;
    },
  };
}
