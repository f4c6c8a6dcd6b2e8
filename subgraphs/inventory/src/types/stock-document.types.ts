import { ObjectType } from 'type-graphql';
import { Connection } from '#platform/graphql';
import { InventoryTransfer, PurchaseOrder } from '../entities';

@ObjectType({ description: 'A page of inventory transfers, newest first.' })
export class InventoryTransferConnection extends Connection(InventoryTransfer) {}

@ObjectType({ description: 'A page of purchase orders, newest first.' })
export class PurchaseOrderConnection extends Connection(PurchaseOrder) {}
