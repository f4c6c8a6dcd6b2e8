import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A customer the customers subgraph merged into another, as learnt from its `customer.merged`
 * event: a token issued to the merged-away customer still reaches the balances it now shares.
 */
@Entity({ tableName: 'customer_redirect' })
export class CustomerRedirect {
  @PrimaryKey({ type: 'text' })
  sourceId!: string;

  @Index()
  @Property({ type: 'text' })
  targetId!: string;

  @Property({ type: 'datetime' })
  mergedAt: Date = new Date();
}
