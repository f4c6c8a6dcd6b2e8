/** One item a live pick-list subscriber receives, before its `fulfillmentOrder` is resolved through the supergraph. */
export interface PickListItem {
  kind: 'SNAPSHOT' | 'CHANGED';
  /** Global ids, as the API answers them. */
  fulfillmentOrderId: string;
  orderId: string;
  orderNumber: string;
  method: string;
  status: string;
  version: number;
  occurredAt: string;
  /** Identifies the event, so subscribers of one event share its hydration. */
  eventKey: string;
}
