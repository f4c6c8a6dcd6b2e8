import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, UserError } from '#platform/graphql';
import { Order } from '../entities';
import { LocationReference } from './references.types';

/** StaffMember as orders knows it: by id; customers resolves the rest. */
@ObjectType('StaffMember')
@Directive('@key(fields: "id", resolvable: false)')
export class StaffReference {
  @Field(() => ID, { description: 'Global id, `gid://commerce/StaffMember/<key>`.' })
  id!: string;
}

@ObjectType('OrderFlag', {
  description: 'Something to know about an order: what an offline till did differently, or a manager’s change at the till.',
})
export class OrderFlagView {
  @Field(() => String, {
    description:
      'PRICE_OVERRIDDEN, LINE_DISCOUNTED, PRICE_CHANGED, DISCOUNT_NOT_APPLICABLE, STOCK_BELOW_ZERO, CUSTOMER_MERGED, CUSTOMER_UNKNOWN, STORED_VALUE_FOLLOW_UP.',
  })
  code!: string;

  @Field(() => String, { description: 'What happened, for staff.' })
  message!: string;

  @Field(() => ID, { nullable: true, description: 'The order line it is about (global id), if any.' })
  orderLineId!: string | null;
}

@ObjectType('PosSession', { description: 'A cash drawer at one till, from opening with a float to closing with the cash counted.' })
export class PosSessionView {
  @Field(() => ID, { description: 'Global id, `gid://commerce/PosSession/<key>`.' })
  id!: string;

  @Field(() => LocationReference, { description: 'The store.' })
  location!: LocationReference;

  @Field(() => String, { description: 'The till.' })
  deviceId!: string;

  @Field(() => Money, { description: 'The cash in the drawer at opening.' })
  openingFloat!: Money;

  @Field(() => Date, { description: 'When it was opened.' })
  openedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was closed; null while open.' })
  closedAt!: Date | null;

  @Field(() => Money, {
    description: 'What the drawer should hold: the float, plus cash kept from sales, less cash refunds (as of now while open).',
  })
  expectedCash!: Money;

  @Field(() => Money, { nullable: true, description: 'What was counted at closing.' })
  countedCash!: Money | null;

  @Field(() => Money, { nullable: true, description: 'Counted − expected at closing: negative when cash is missing.' })
  difference!: Money | null;

  @Field(() => Int, { description: 'Sales the session took.' })
  salesCount!: number;
}

/** What happened to one sale of an offline batch. */
export enum PosSyncStatus {
  CREATED = 'CREATED',
  DUPLICATE = 'DUPLICATE',
  CONFLICT = 'CONFLICT',
  REJECTED = 'REJECTED',
}

registerEnumType(PosSyncStatus, {
  name: 'PosSyncStatus',
  description: 'What happened to one sale of an offline batch.',
  valuesConfig: {
    CONFLICT: { description: 'Its clientOrderId was synced before with other content; nothing was recorded.' },
    CREATED: { description: 'Recorded now, as the till sold it (with flags for what differed).' },
    DUPLICATE: { description: 'Recorded before (a replay or another device sent it): the original order.' },
    REJECTED: { description: 'Not recorded: `userErrors` say why; the rest of the batch went on.' },
  },
});

@ObjectType('PosSyncResult', { description: 'What happened to one sale of an offline batch.' })
export class PosSyncResultView {
  @Field(() => String, { description: "The sale's clientOrderId, as the till sent it." })
  clientOrderId!: string;

  @Field(() => PosSyncStatus, { description: 'CREATED, DUPLICATE, CONFLICT or REJECTED.' })
  status!: PosSyncStatus;

  @Field(() => Order, { nullable: true, description: 'The order: new (CREATED) or the original (DUPLICATE); null otherwise.' })
  order!: Order | null;

  @Field(() => [UserError], { description: 'Why it was rejected or conflicts; empty otherwise.' })
  userErrors!: UserError[];
}
