import { Field, Int, ObjectType } from 'type-graphql';

/** Purchasing facts of a SKU, as the API shows them. The entity is InventoryItem. */
@ObjectType('InventoryItem', { description: 'Purchasing facts of a SKU: who supplies it and how many come in a case.' })
export class InventoryItemType {
  @Field(() => String, { description: 'The SKU these purchasing facts are of.' })
  sku!: string;

  @Field(() => String, { nullable: true, description: 'Who the SKU is bought from; null when not set.' })
  supplier!: string | null;

  @Field(() => Int, { description: 'Units per case; replenishment orders whole cases.' })
  caseSize!: number;
}

@ObjectType({ description: 'A SKU at a location whose available plus incoming stock is at or below its low-stock threshold.' })
export class ReplenishmentSuggestion {
  locationId!: string;

  @Field(() => String, { description: 'The SKU to reorder.' })
  sku!: string;

  @Field(() => Int, { description: 'onHand - reserved now.' })
  available!: number;

  @Field(() => Int, { description: 'Units already on submitted purchase orders and transfers in transit.' })
  incoming!: number;

  @Field(() => Int, { description: 'The low-stock threshold of the level.' })
  threshold!: number;

  @Field(() => Int, { description: 'Enough to reach twice the threshold, rounded up to whole cases; at least one case.' })
  suggestedQuantity!: number;

  @Field(() => Int, { description: 'Units per case used for rounding (1 when the SKU has no purchasing facts).' })
  caseSize!: number;

  @Field(() => String, { nullable: true, description: 'Who to order from; null when the SKU has no supplier set.' })
  supplier!: string | null;

  @Field(() => Int, { description: 'Units already on DRAFT purchase orders to this location; replenishment skips SKUs with any.' })
  quantityOnDraftOrders!: number;
}
