import { ArrayMaxSize, IsInt, IsOptional, IsUrl, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MoneyInput } from '#platform/graphql';
import { PaymentMethodValue } from '../types/order.types';

@InputType({ description: 'Units of one order line.' })
export class FulfillmentLineInput {
  @Field(() => ID, { description: 'The order line.' })
  orderLineId!: string;

  @Field(() => Int, { description: 'Units, 1 or more.' })
  @IsInt()
  @Min(1)
  @Max(999)
  quantity!: number;
}

@InputType({ description: 'Where the customer follows a parcel.' })
export class TrackingInput {
  @Field(() => String, { nullable: true, description: 'The carrier, e.g. "DHL" (at most 100 characters).' })
  @IsOptional()
  @MaxLength(100)
  company?: string | null;

  @Field(() => String, { nullable: true, description: "The carrier's tracking number (at most 100 characters)." })
  @IsOptional()
  @MaxLength(100)
  number?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) link to follow the parcel (at most 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) link' })
  url?: string | null;
}

@InputType({ description: 'What leaves a location in one parcel.' })
export class FulfillmentCreateInput {
  @Field(() => ID, { description: 'The fulfilment order the units are on.' })
  fulfillmentOrderId!: string;

  @Field(() => [FulfillmentLineInput], {
    nullable: true,
    description: 'The units that leave (a partial fulfilment); everything still open on the fulfilment order when left out.',
  })
  @IsOptional()
  @ArrayMaxSize(250)
  @ValidateNested({ each: true })
  lines?: FulfillmentLineInput[] | null;

  @Field(() => TrackingInput, { nullable: true, description: 'Where the customer follows the parcel; the customer is sent the link.' })
  @IsOptional()
  @ValidateNested()
  tracking?: TrackingInput | null;
}

@InputType({ description: 'One tender taken at the till for an order paid at pickup.' })
export class TillPaymentInput {
  @Field(() => PaymentMethodValue, { description: 'CASH, MANUAL or TEST_CARD.' })
  method!: PaymentMethodValue;

  @Field(() => MoneyInput, { description: 'What this tender pays.' })
  amount!: MoneyInput;

  @Field(() => MoneyInput, { nullable: true, description: 'CASH: what the customer handed over; the change is recorded.' })
  amountTendered?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: 'TEST_CARD: the card number.' })
  cardNumber?: string | null;
}

@InputType({ description: 'How the customer proves an order is theirs at the store: its pickup code, or the customer staff looked up.' })
export class OrderPickUpInput {
  @Field(() => String, { nullable: true, description: 'The code the customer was sent when the order became ready.' })
  @IsOptional()
  @MaxLength(20)
  pickupCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The customer staff found with `customerLookup`; must be the one who ordered.' })
  customerId?: string | null;

  @Field(() => [TillPaymentInput], {
    nullable: true,
    description: 'For an order placed with `payAtPickup`: the tenders that pay what is still owed (CASH, MANUAL, TEST_CARD).',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  payments?: TillPaymentInput[] | null;
}
