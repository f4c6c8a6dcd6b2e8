import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

/** Where the money for cancelled units goes. */
export enum RefundTo {
  ORIGINAL = 'ORIGINAL',
  STORE_CREDIT = 'STORE_CREDIT',
}

registerEnumType(RefundTo, {
  name: 'RefundTo',
  description: 'Where the money for cancelled or returned units goes.',
  valuesConfig: {
    ORIGINAL: { description: 'Back to the tenders it came from: the card first, then store credit, gift cards and points.' },
    STORE_CREDIT: { description: "As store credit on the customer's account (an open card authorization is still voided)." },
  },
});

@InputType({ description: 'Units of one order line to cancel.' })
export class OrderLineCancelInput {
  @Field(() => ID, { description: 'The order line.' })
  orderLineId!: string;

  @Field(() => Int, { description: 'How many of its units, at least 1 and at most those not yet fulfilled or cancelled.' })
  quantity!: number;
}
