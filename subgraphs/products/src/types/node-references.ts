import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node';

/**
 * Entities of other subgraphs that `node(id:)` answers with a reference: products returns the
 * type and id, and the gateway fetches the fields asked for from the subgraph that owns them.
 */
function nodeReference(name: string) {
  @ObjectType(name, { implements: Node })
  @Directive('@key(fields: "id", resolvable: false)')
  class NodeReference {
    @Field(() => ID)
    id!: string;
  }
  return NodeReference;
}

export const LocationReference = nodeReference('Location');
export const InventoryLevelReference = nodeReference('InventoryLevel');
export const CustomerReference = nodeReference('Customer');
export const SegmentReference = nodeReference('Segment');
export const StaffMemberReference = nodeReference('StaffMember');
export const DiscountReference = nodeReference('Discount');
export const OrderReference = nodeReference('Order');
export const CartReference = nodeReference('Cart');
export const FulfillmentOrderReference = nodeReference('FulfillmentOrder');
export const InventoryTransferReference = nodeReference('InventoryTransfer');
export const PurchaseOrderReference = nodeReference('PurchaseOrder');

/** Node types owned elsewhere, by name. */
export const FOREIGN_NODE_TYPES: ReadonlySet<string> = new Set([
  'Location',
  'InventoryLevel',
  'Customer',
  'Segment',
  'StaffMember',
  'Discount',
  'Order',
  'Cart',
  'FulfillmentOrder',
  'InventoryTransfer',
  'PurchaseOrder',
]);

export const nodeReferences = [
  LocationReference,
  InventoryLevelReference,
  CustomerReference,
  SegmentReference,
  StaffMemberReference,
  DiscountReference,
  OrderReference,
  CartReference,
  FulfillmentOrderReference,
  InventoryTransferReference,
  PurchaseOrderReference,
];
