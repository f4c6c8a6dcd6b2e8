import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logging/logger';
import type { Viewer } from '../auth/viewer';

/**
 * What every service method receives first: the caller, this request's own EntityManager fork
 * (never a shared one), and a logger tagged with the request.
 */
export interface RequestContext {
  em: EntityManager;
  viewer: Viewer;
  logger: Logger;
  requestId: string;
  /**
   * The end client's address: the first x-forwarded-for hop (the gateway sets it from the
   * client's socket), else this connection's peer. For per-caller limits.
   */
  clientAddress: string;
  /** Headers for calls this subgraph makes to another: the gateway secret and a SERVICE token. */
  serviceHeaders: () => Promise<Record<string, string>>;
}
