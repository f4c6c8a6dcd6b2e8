import type { BaseContext } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { Role, type Viewer } from '#platform/auth';
import { isCatalogRead } from './catalog-read';

/** What the cache plugins need of a request's context: who asks, and with which header. */
export interface CallerContext extends BaseContext {
  authorization: string | null;
  /** Absent for the gateway's own executions (live stock hydration), which are never cached. */
  viewer?: Viewer;
}

/** A client's request without a token: the only caller whose answers any cache may keep or share. */
export function isAnonymousClient(context: CallerContext): boolean {
  return context.viewer?.role === Role.ANONYMOUS && context.authorization === null;
}

/** The parts of Apollo's request context a decision reads. */
interface OperationInfo {
  schema: GraphQLSchema;
  document?: DocumentNode;
  operation?: OperationDefinitionNode;
  queryHash?: string;
  operationName?: string | null;
}

/**
 * Whether each (document, operation) is a catalog read (isCatalogRead), remembered for the
 * catalog fields it was decided on and decided again for a new supergraph's. Shared by the
 * response cache and the Cache-Control headers, so both keep to one criterion.
 */
export class CatalogReads {
  private decisions = new LRUCache<string, boolean>({ max: 2_000 });
  private decidedFor: ReadonlySet<string> | null = null;

  /** `catalogFields`: the `Type.field` coordinates catalog subgraphs resolve, for the supergraph served now. */
  constructor(private readonly catalogFields: () => ReadonlySet<string>) {}

  isCatalogRead({ schema, document, operation, queryHash, operationName }: OperationInfo): boolean {
    if (!document || !operation || !queryHash) return false;
    const fields = this.catalogFields();
    if (fields !== this.decidedFor) {
      this.decisions = new LRUCache<string, boolean>({ max: 2_000 });
      this.decidedFor = fields;
    }
    const key = `${operationName ?? ''}\n${queryHash}`;
    let catalog = this.decisions.get(key);
    if (catalog === undefined) {
      catalog = isCatalogRead(schema, document, operation, fields);
      this.decisions.set(key, catalog);
    }
    return catalog;
  }
}
