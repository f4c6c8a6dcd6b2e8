import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

export enum ReturnDisposition {
  RESTOCK = 'RESTOCK',
  DAMAGED = 'DAMAGED',
  MISSING = 'MISSING',
}

registerEnumType(ReturnDisposition, {
  name: 'ReturnDisposition',
  description: 'What the receiving store found.',
  valuesConfig: {
    RESTOCK: { description: 'Sellable: back on hand at the receiving store (a RETURN stock movement).' },
    DAMAGED: { description: 'Came back unsellable: returned, not restocked.' },
    MISSING: { description: 'Did not arrive: not returned (the units may come back later).' },
  },
});

@InputType({ description: 'Units of one order line to return, and why.' })
export class ReturnLineInput {
  @Field(() => ID, { description: 'The order line.' })
  orderLineId!: string;

  @Field(() => Int, { description: 'How many units, at least 1 and at most those that left and are not returned or on a return.' })
  quantity!: number;

  @Field(() => String, { description: 'Why they come back (at most 500 characters).' })
  reason!: string;
}

@InputType({ description: 'Units of one return line that arrived, and in what state.' })
export class ReturnReceiveLineInput {
  @Field(() => ID, { description: 'The return line.' })
  returnLineId!: string;

  @Field(() => Int, { description: 'How many units, at least 1 and at most those still to come.' })
  quantity!: number;

  @Field(() => ReturnDisposition, { description: 'RESTOCK, DAMAGED or MISSING.' })
  disposition!: ReturnDisposition;
}

@InputType({ description: 'Returned units of one order line to refund.' })
export class RefundLineInput {
  @Field(() => ID, { description: 'The order line.' })
  orderLineId!: string;

  @Field(() => Int, { description: 'How many units, at least 1 and at most those returned and not refunded yet.' })
  quantity!: number;
}

@InputType({ description: 'A new item to take in exchange on a return.' })
export class ExchangeLineInput {
  @Field(() => String, { description: 'The SKU, sold at the return store.' })
  sku!: string;

  @Field(() => Int, { description: 'Units, 1 to 999.' })
  quantity!: number;
}
