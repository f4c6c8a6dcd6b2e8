import { getOperationAST, OperationTypeNode, parse, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { SubgraphAnswer } from './subgraph-call';

/** A subgraph call as the gateway is about to send it. */
export interface SubgraphRequest {
  /** The operation's text, and its parsed document when the query plan has it at hand. */
  query: string;
  document?: DocumentNode;
  operationName?: string | null;
  /** The caller's `Authorization` header exactly as sent. */
  authorization?: string | null;
  /** The whole body sent: document, variables and operation name. */
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
  private readonly inFlight = new Map<string, Promise<SubgraphAnswer>>();
  /** Operation type per document text, for a call that comes without its parsed document. */
  private readonly isQuery = new LRUCache<string, boolean>({ max: 2_000 });
  /** Operation type per parsed document: the query plan hands over the same few documents over and over. */
  private readonly isQueryDocument = new WeakMap<DocumentNode, Map<string | null, boolean>>();

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

  /**
   * Answers with `send()`'s answer, or with that of an identical request already in flight. Every
   * waiter gets the same answer object: callers read it and never change it.
   */
  async fetch(subgraph: string, request: SubgraphRequest, send: () => Promise<SubgraphAnswer>): Promise<SubgraphAnswer> {
    if (!this.readsOnly(request)) return send();
    // JSON.stringify keeps the parts apart: no body or token can make two different keys equal.
    const key = JSON.stringify([subgraph, request.authorization ?? null, request.body]);
    let answer = this.inFlight.get(key);
    if (answer) {
      this.onShared?.(subgraph);
    } else {
      const pending = send().finally(() => {
        if (this.inFlight.get(key) === pending) this.inFlight.delete(key);
      });
      this.inFlight.set(key, pending);
      answer = pending;
    }
    return answer;
  }

  /** Whether the operation the request runs is a query, found once per document. */
  private readsOnly({ query, document, operationName = null }: SubgraphRequest): boolean {
    if (document) {
      let byName = this.isQueryDocument.get(document);
      if (!byName) this.isQueryDocument.set(document, (byName = new Map<string | null, boolean>()));
      let reads = byName.get(operationName);
      if (reads === undefined)
        byName.set(operationName, (reads = getOperationAST(document, operationName)?.operation === OperationTypeNode.QUERY));
      return reads;
    }
    const cacheKey = operationName === null ? query : `${operationName}\n${query}`;
    let reads = this.isQuery.get(cacheKey);
    if (reads === undefined) {
      try {
        reads = getOperationAST(parse(query), operationName)?.operation === OperationTypeNode.QUERY;
      } catch {
        reads = false;
      }
      this.isQuery.set(cacheKey, reads);
    }
    return reads;
  }
}
