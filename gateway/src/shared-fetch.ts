import { getOperationAST, OperationTypeNode, parse } from 'graphql';
import { LRUCache } from 'lru-cache';
import { textResponse, type FetcherRequestInit, type FetcherResponse } from './subgraph-call';

/** What one subgraph answered, read once and handed to every caller that waited for it. */
interface SharedAnswer {
  status: number;
  headers: [string, string][];
  url: string;
  body: string;
}

/**
 * Identical subgraph reads in flight share one request. When twenty shoppers open the same
 * product list at once, the plan asks each subgraph the same question twenty times; the first
 * asks, the others wait for its answer. The key is the subgraph, the whole request body
 * (document, variables, operation name) and the caller's `authorization` header exactly as
 * sent, so callers whose answers can differ (another token, or none) never share. Only queries
 * are shared: a mutation always reaches the subgraph once per caller. An entry lives only
 * while its request does; this is not a cache, and a failure or timeout reaches everyone who
 * waited for it, as it would have reached each of them on their own.
 *
 * The client's address is not in the key. No subgraph query answers by it except the gift
 * card balance's rate limit: two addresses asking for the same code at the same instant count
 * once, and share the answer.
 */
export class SharedFetches {
  private readonly inFlight = new Map<string, Promise<SharedAnswer>>();
  /** Operation type per document: the gateway sends the same few documents over and over. */
  private readonly isQuery = new LRUCache<string, boolean>({ max: 2_000 });

  /** @param onShared called for each caller that was answered by another's request. */
  constructor(private readonly onShared?: (subgraph: string) => void) {}

  /** Requests in flight now (for tests and metrics). */
  get size(): number {
    return this.inFlight.size;
  }

  /**
   * Requests from now on start afresh instead of joining one already in flight, which may have
   * read the state from before a change just announced; those in flight still answer their waiters.
   */
  detach(): void {
    this.inFlight.clear();
  }

  /** Answers with `send()`'s response, or with that of an identical request already in flight. */
  async fetch(subgraph: string, init: FetcherRequestInit | undefined, send: () => Promise<FetcherResponse>): Promise<FetcherResponse> {
    const key = this.key(subgraph, init);
    if (key === null) return send();
    let answer = this.inFlight.get(key);
    if (answer) {
      this.onShared?.(subgraph);
    } else {
      const pending = read(send()).finally(() => {
        if (this.inFlight.get(key) === pending) this.inFlight.delete(key);
      });
      this.inFlight.set(key, pending);
      answer = pending;
    }
    return toResponse(await answer);
  }

  /** The sharing key of a query, or null for anything else (a mutation, a body the gateway did not build). */
  private key(subgraph: string, init: FetcherRequestInit | undefined): string | null {
    const body = init?.body;
    if (typeof body !== 'string' || (init?.method ?? 'POST').toUpperCase() !== 'POST') return null;
    let request: { query?: unknown; operationName?: unknown };
    try {
      request = JSON.parse(body) as typeof request;
    } catch {
      return null;
    }
    if (typeof request.query !== 'string') return null;
    const operationName = typeof request.operationName === 'string' ? request.operationName : null;
    if (!this.readsOnly(request.query, operationName)) return null;
    const authorization = new Headers(init?.headers).get('authorization');
    // JSON.stringify keeps the parts apart: no body or token can make two different keys equal.
    return JSON.stringify([subgraph, authorization, body]);
  }

  /** Whether the operation the body runs is a query, parsed once per document. */
  private readsOnly(document: string, operationName: string | null): boolean {
    const cacheKey = operationName === null ? document : `${operationName}\n${document}`;
    let query = this.isQuery.get(cacheKey);
    if (query === undefined) {
      try {
        query = getOperationAST(parse(document), operationName)?.operation === OperationTypeNode.QUERY;
      } catch {
        query = false;
      }
      this.isQuery.set(cacheKey, query);
    }
    return query;
  }
}

/** Reads a response's body once, so it can be handed to every waiter. */
async function read(pending: Promise<FetcherResponse>): Promise<SharedAnswer> {
  const response = await pending;
  const body = await response.text();
  return { status: response.status, headers: [...response.headers], url: response.url, body };
}

/** A fresh response of a shared answer: each caller gets its own headers and body. */
function toResponse(answer: SharedAnswer): FetcherResponse {
  return textResponse(answer.url, answer.status, new Headers(answer.headers), answer.body);
}
