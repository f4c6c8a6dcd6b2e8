/** One item a live-stock subscriber receives, before the supergraph fields are resolved. */
export interface StockItem {
  kind: 'SNAPSHOT' | 'CHANGE';
  sku: string;
  locationId: string;
  onHand: number;
  reserved: number;
  available: number;
  delta: number | null;
  reason: string | null;
  version: number;
  occurredAt: string;
  /** Identifies the event, so subscribers of one event share its hydration. */
  eventKey: string;
}

export interface LowStockItem {
  sku: string;
  locationId: string;
  available: number;
  lowStockThreshold: number;
  version: number;
  occurredAt: string;
  eventKey: string;
}

export const levelKey = (sku: string, locationId: string) => `${sku}@${locationId}`;
