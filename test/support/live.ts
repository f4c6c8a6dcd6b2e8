import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface LiveSubscription<T> {
  items: T[];
  errors: unknown[];
  client: Client;
  /** Resolves once `predicate` holds for the items received, or fails after `timeoutMs`. */
  waitFor(predicate: (items: T[]) => boolean, timeoutMs?: number): Promise<T[]>;
  closeCode(): Promise<number>;
  dispose(): Promise<void>;
}

/** A real graphql-ws client over a real WebSocket, collecting what a subscription sends. */
export function subscribeLive<T = Record<string, any>>(
  wsUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  connectionParams?: Record<string, unknown>,
): LiveSubscription<T> {
  let resolveClose: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => (resolveClose = resolve));
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
    on: { closed: (event) => resolveClose((event as { code: number }).code) },
  });
  const items: T[] = [];
  const errors: unknown[] = [];
  const field = /\{\s*(\w+)/.exec(query.replace(/^[^{]*/, ''))?.[1] as string;
  client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data?.[field]) items.push(result.data[field]);
      },
      error: (error) => errors.push(error),
      complete: () => {},
    },
  );
  return {
    items,
    errors,
    client,
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(items)) {
        if (Date.now() > deadline)
          throw new Error(`timed out; received ${JSON.stringify(items).slice(0, 2000)} errors ${JSON.stringify(errors).slice(0, 500)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return items;
    },
    closeCode: () => closed,
    dispose: () => client.dispose() as Promise<void>,
  };
}
