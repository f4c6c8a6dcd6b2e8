import { getOperationAST, OperationTypeNode, type DocumentNode } from 'graphql';
import type { SubgraphAnswer } from './subgraph-call';

/** A subgraph call as the gateway is about to send it. */
export interface SubgraphRequest {
  /** The operation parsed: the query plan keeps one per fetch, handed over with every call. */
  document: DocumentNode;
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
  /** Operation type per parsed document and operation name: the query plan hands over the same few documents over and over. */
  private readonly isQuery = new WeakMap<DocumentNode, Map<string | null, boolean>>();

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
  private readsOnly({ document, operationName = null }: SubgraphRequest): boolean {
    let byName = this.isQuery.get(document);
    if (!byName) this.isQuery.set(document, (byName = new Map<string | null, boolean>()));
    let reads = byName.get(operationName);
    if (reads === undefined)
      byName.set(operationName, (reads = getOperationAST(document, operationName)?.operation === OperationTypeNode.QUERY));
    return reads;
  }
}
