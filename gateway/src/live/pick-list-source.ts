import type { GatewayExecutor } from './gateway-executor';
import type { PickListItem } from './pick-list-item';

const NODE = 'id orderId orderNumber method status version updatedAt';

const OPEN_WORK = `query LivePickListSnapshot($locationId: ID!, $after: String) {
  fulfillmentOrders(locationId: $locationId, first: 250, after: $after) { nodes { ${NODE} } pageInfo { hasNextPage endCursor } } }`;

const CHANGED_SINCE = `query LivePickListResume($locationId: ID!, $since: DateTime!, $after: String) {
  fulfillmentOrders(locationId: $locationId, updatedSince: $since, first: 250, after: $after) { nodes { ${NODE} } pageInfo { hasNextPage endCursor } } }`;

interface Node {
  id: string;
  orderId: string;
  orderNumber: string;
  method: string;
  status: string;
  version: number;
  updatedAt: string;
}
type Page = { fulfillmentOrders: { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

/**
 * Reads a location's fulfilment orders through the supergraph (orders owns them), with the
 * subscriber's own authorization, so the orders subgraph decides what this caller may see.
 */
export class PickListSource {
  constructor(private readonly execute: GatewayExecutor) {}

  /** The location's open work (every status but CLOSED and CANCELLED), oldest first. */
  openWork(locationId: string, authorization: string | null): Promise<PickListItem[]> {
    return this.pages(OPEN_WORK, { locationId }, 'SNAPSHOT', authorization);
  }

  /** Every fulfilment order of the location changed after `since`, in any status: what a reconnecting client missed. */
  changedSince(locationId: string, since: Date, authorization: string | null): Promise<PickListItem[]> {
    return this.pages(CHANGED_SINCE, { locationId, since: since.toISOString() }, 'CHANGED', authorization);
  }

  private async pages(
    query: string,
    variables: Record<string, unknown>,
    kind: PickListItem['kind'],
    authorization: string | null,
  ): Promise<PickListItem[]> {
    const items: PickListItem[] = [];
    let after: string | null = null;
    for (;;) {
      const result: { data?: Page | null; errors?: readonly { message: string }[] } = await this.execute<Page>(
        query,
        { ...variables, after },
        authorization,
      );
      if (!result.data) throw new Error(`pick list could not be read: ${result.errors?.[0]?.message}`);
      for (const n of result.data.fulfillmentOrders.nodes) {
        items.push({
          kind,
          fulfillmentOrderId: n.id,
          orderId: n.orderId,
          orderNumber: n.orderNumber,
          method: n.method,
          status: n.status,
          version: n.version,
          occurredAt: n.updatedAt,
          eventKey: `read:${n.id}#${n.version}`,
        });
      }
      const { hasNextPage, endCursor } = result.data.fulfillmentOrders.pageInfo;
      if (!hasNextPage || !endCursor) return items;
      after = endCursor;
    }
  }
}
