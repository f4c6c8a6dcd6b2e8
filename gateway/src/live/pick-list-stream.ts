import { FulfillmentOrderChanged, type FulfillmentOrderChangedPayload } from '#contracts/orders';
import { LiveQueue, type BusEvent, type StreamLimits } from '#platform/events';
import { toGlobalId } from '#platform/ids';
import type { PickListItem } from './pick-list-item';
import type { PickListSource } from './pick-list-source';

export const FULFILLMENT_ORDER_CHANGED = FulfillmentOrderChanged.topic;

/**
 * How far before `since` a resume reads: `updatedAt` comes from each orders replica's clock and
 * two changes can share a millisecond. What comes twice carries a version the client already has.
 */
export const RESUME_OVERLAP_MS = 1_000;

/**
 * One subscriber's live pick list of a location: SNAPSHOT items for its open work (or, resuming
 * with `since`, CHANGED items for what changed meanwhile), then a CHANGED item for every
 * fulfilment order leaving from or collected at it as its change commits. Bus events are taken
 * from before the first read, so a change committed in between is not lost; an item whose
 * version was already sent for its fulfilment order is dropped.
 */
export class PickListStream extends LiveQueue<PickListItem> {
  private readonly last = new Map<string, number>();
  private early: PickListItem[] | null = [];

  constructor(
    private readonly source: PickListSource,
    /** The location's database id, as events name it. */
    private readonly locationId: string,
    private readonly authorization: string | null,
    limits: StreamLimits,
    onEnd: () => void,
  ) {
    super((item) => item.fulfillmentOrderId, limits, onEnd);
  }

  /** Reads the starting state; call after the stream receives bus events. */
  async begin(since: Date | null): Promise<void> {
    const items = since
      ? await this.source.changedSince(this.locationId, new Date(since.getTime() - RESUME_OVERLAP_MS), this.authorization)
      : await this.source.openWork(this.locationId, this.authorization);
    for (const item of items) this.offer(item);
    const early = this.early ?? [];
    this.early = null;
    for (const item of early) this.offer(item);
  }

  /** Bus events, read through the orders contract; before `begin` finishes they wait. */
  receive(events: BusEvent[]): void {
    if (this.done) return;
    for (const event of events) {
      const change = toChange(event);
      if (!change || (change.locationId !== this.locationId && change.destinationLocationId !== this.locationId)) continue;
      if (this.early) this.early.push(change.item);
      else this.offer(change.item);
    }
  }

  /** Queues an item unless a version as new was already queued for its fulfilment order. */
  private offer(item: PickListItem): void {
    if (this.done) return;
    const last = this.last.get(item.fulfillmentOrderId);
    if (last !== undefined && item.version <= last) return;
    this.last.set(item.fulfillmentOrderId, item.version);
    this.push(item);
  }
}

interface Change {
  locationId: string;
  destinationLocationId: string | null;
  item: PickListItem;
}

/** Every subscriber's stream receives the same bus events; each is read through the contract once. */
const changeOf = new WeakMap<BusEvent, Change | null>();

/** A fulfilment order's change as an item; null for another topic or a payload that breaks the contract. */
function toChange(event: BusEvent): Change | null {
  if (event.topic !== FULFILLMENT_ORDER_CHANGED) return null;
  let change = changeOf.get(event);
  if (change === undefined) {
    change = readChange(event);
    changeOf.set(event, change);
  }
  return change;
}

function readChange(event: BusEvent): Change | null {
  let p: FulfillmentOrderChangedPayload;
  try {
    p = FulfillmentOrderChanged.parse(event.payload);
  } catch {
    // Only a payload that breaks the contract (EventContractError) throws here.
    return null;
  }
  return {
    locationId: p.locationId,
    destinationLocationId: p.destinationLocationId,
    item: {
      kind: 'CHANGED',
      // Events carry database ids; the API, and so the subscriber, global ids.
      fulfillmentOrderId: toGlobalId('FulfillmentOrder', p.fulfillmentOrderId),
      orderId: toGlobalId('Order', p.orderId),
      orderNumber: p.number,
      method: p.method,
      status: p.status,
      version: p.version,
      occurredAt: p.occurredAt,
      eventKey: `event:${event.schema}:${event.id}`,
    },
  };
}
