import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { Deadline } from '../runtime/deadline';
import type { Logger } from '../runtime/logger';

/**
 * What every service method receives first: the caller, this request's own EntityManager fork
 * (never a shared one), its deadline, and a logger tagged with the request.
 *
 * Inside `runMutation` a service gets a context whose `em` is the transaction's own, with
 * DataLoaders bound to it and `inTransaction` set: there is no second connection within reach,
 * and the internal-call client refuses to call another subgraph from it.
 */
export interface RequestContext {
  readonly em: EntityManager;
  readonly viewer: Viewer;
  readonly logger: Logger;
  readonly requestId: string;
  /**
   * The end client's address: the first x-forwarded-for hop (the gateway sets it from the
   * client's socket), else this connection's peer. For per-caller limits.
   */
  readonly clientAddress: string;
  /** When this request must be answered by; a mutation still running then rolls back. */
  readonly deadline: Deadline;
  /** True inside a mutation's transaction, where no network call may be made. */
  readonly inTransaction: boolean;
  /**
   * The same request's context on another EntityManager (a transaction's), with the
   * subgraph's DataLoaders rebuilt on it. Used by `runMutation`; services never call it.
   */
  readonly rebind: (em: EntityManager, inTransaction: boolean) => RequestContext;
}
