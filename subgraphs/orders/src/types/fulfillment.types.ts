import { ArgsType, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection, ConnectionArgs } from '#platform/graphql';
import { FulfillmentKind, FulfillmentMethod, FulfillmentOrderStatus } from '../entities';
import { LocationReference } from './references.types';

/** InventoryTransfer as orders knows it: by id; inventory resolves the rest. */
@ObjectType('InventoryTransfer')
@Directive('@key(fields: "id", resolvable: false)')
export class TransferReference {
  @Field(() => ID, { description: 'Global id, `gid://commerce/InventoryTransfer/<key>`.' })
  id!: string;
}

@ObjectType('FulfillmentOrderLine', {
  description: "One order line's units on a fulfilment order; owned by the fulfilment order (no id of its own).",
})
export class FulfillmentOrderLineView {
  @Field(() => ID, { description: 'The order line (global id, `gid://commerce/OrderLine/<key>`).' })
  orderLineId!: string;

  @Field(() => String, { description: 'The SKU to pick.' })
  sku!: string;

  @Field(() => String, { description: "The product's title when it was sold." })
  title!: string;

  @Field(() => String, { nullable: true, description: "The variant's title when it was sold." })
  variantTitle!: string | null;

  @Field(() => Int, { description: 'Units planned from this location.' })
  quantity!: number;

  @Field(() => Int, { description: 'Units that left (shipped or handed over).' })
  fulfilledQuantity!: number;

  @Field(() => Int, { description: 'Units that will not leave from here: cancelled, or moved to another location.' })
  removedQuantity!: number;

  @Field(() => Int, { description: 'Units still to pick and send: quantity − fulfilled − removed.' })
  remainingQuantity!: number;
}

@ObjectType('FulfillmentOrder', { description: "The part of an order that leaves from one location by one method: a location's work." })
@Directive('@key(fields: "id")')
export class FulfillmentOrderView {
  @Field(() => ID, { description: 'Global id, `gid://commerce/FulfillmentOrder/<key>`.' })
  id!: string;

  @Field(() => ID, { description: 'The order (global id).' })
  orderId!: string;

  @Field(() => String, { description: 'The order\'s number, e.g. "#1001".' })
  orderNumber!: string;

  @Field(() => LocationReference, { description: 'Where the goods leave from (for SHIP_TO_STORE, the source of the transfer).' })
  location!: LocationReference;

  @Field(() => LocationReference, { nullable: true, description: 'SHIP_TO_STORE: the store the goods go to and are collected at.' })
  destination!: LocationReference | null;

  @Field(() => FulfillmentMethod, { description: 'SHIP, PICKUP or SHIP_TO_STORE.' })
  method!: FulfillmentMethod;

  @Field(() => FulfillmentOrderStatus, { description: 'Where it stands.' })
  status!: FulfillmentOrderStatus;

  @Field(() => [FulfillmentOrderLineView], { description: 'What to pick, in the order of the order lines.' })
  lines!: FulfillmentOrderLineView[];

  @Field(() => TransferReference, {
    nullable: true,
    description: 'SHIP_TO_STORE: the transfer the goods travel on; the order waits on it.',
  })
  transfer!: TransferReference | null;

  @Field(() => Int, { description: 'Rises by one with every change; a live pick list keeps the highest it saw.' })
  version!: number;

  @Field(() => Date, { description: 'When it was made (the order was placed, or units were moved here).' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed.' })
  updatedAt!: Date;
}

@ObjectType('FulfillmentOrderConnection', { description: 'A page of fulfilment orders, oldest first: the order to work in.' })
export class FulfillmentOrderConnection extends Connection(FulfillmentOrderView) {}

@ArgsType()
export class FulfillmentOrdersArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The location whose work to list: what leaves from it, and what is collected at it.' })
  locationId!: string;

  @Field(() => FulfillmentOrderStatus, {
    nullable: true,
    description: 'Only these; every status but CLOSED and CANCELLED when left out (and `updatedSince` is too).',
  })
  status?: FulfillmentOrderStatus | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Only those changed after this instant, in every status (a live pick list catching up after a reconnect).',
  })
  updatedSince?: Date | null;
}

@ObjectType('TrackingInfo', { description: 'Where the customer follows a parcel.' })
export class TrackingInfoView {
  @Field(() => String, { nullable: true, description: 'The carrier, e.g. "DHL".' })
  company!: string | null;

  @Field(() => String, { nullable: true, description: "The carrier's tracking number." })
  number!: string | null;

  @Field(() => String, { nullable: true, description: 'A link to follow the parcel.' })
  url!: string | null;
}

@ObjectType('FulfillmentLine', { description: 'Units of one order line that left; owned by the fulfilment (no id of its own).' })
export class FulfillmentLineView {
  @Field(() => ID, { description: 'The order line (global id).' })
  orderLineId!: string;

  @Field(() => String, { description: 'The SKU.' })
  sku!: string;

  @Field(() => Int, { description: 'Units that left.' })
  quantity!: number;
}

@ObjectType('Fulfillment', { description: 'What actually left a location: a parcel shipped, or goods handed over at a store.' })
export class FulfillmentView {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Fulfillment/<key>`.' })
  id!: string;

  @Field(() => FulfillmentKind, { description: 'SHIPMENT or PICKUP.' })
  kind!: FulfillmentKind;

  @Field(() => LocationReference, { description: 'Where the goods left from.' })
  location!: LocationReference;

  @Field(() => [FulfillmentLineView], { description: 'What left.' })
  lines!: FulfillmentLineView[];

  @Field(() => [TrackingInfoView], { description: 'Where to follow it; empty for a pickup.' })
  tracking!: TrackingInfoView[];

  @Field(() => Boolean, { description: 'False while inventory has not yet confirmed the units left (it finishes on its own).' })
  confirmed!: boolean;

  @Field(() => Date, { description: 'When it was recorded.' })
  createdAt!: Date;
}
