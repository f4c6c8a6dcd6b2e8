import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { MoneyInput } from '#platform/graphql';

/** How a till is paid. */
export enum PosPaymentMethod {
  CASH = 'CASH',
  CARD = 'CARD',
  CARD_EXTERNAL = 'CARD_EXTERNAL',
  GIFT_CARD = 'GIFT_CARD',
  STORE_CREDIT = 'STORE_CREDIT',
  LOYALTY_POINTS = 'LOYALTY_POINTS',
  MANUAL = 'MANUAL',
}

registerEnumType(PosPaymentMethod, {
  name: 'PosPaymentMethod',
  description: 'How a sale at a till is paid; any mix that adds up to the total.',
  valuesConfig: {
    CARD: { description: 'A card through the payment provider (the test card provider: `cardNumber`).' },
    CARD_EXTERNAL: { description: "A standalone terminal's payment, recorded by its `reference`." },
    CASH: { description: 'Cash; give `amountTendered` and the change is computed and recorded.' },
    GIFT_CARD: { description: 'A gift card, by `giftCardCode`.' },
    LOYALTY_POINTS: { description: "The customer's loyalty points (a customer is needed)." },
    MANUAL: { description: 'Paid outside the system, recorded by staff.' },
    STORE_CREDIT: { description: "The customer's store credit (a customer is needed)." },
  },
});

@InputType({ description: 'One tender at the till.' })
export class PosPaymentInput {
  @Field(() => PosPaymentMethod, { description: 'How this part is paid.' })
  method!: PosPaymentMethod;

  @Field(() => MoneyInput, { description: 'What this tender pays of the total.' })
  amount!: MoneyInput;

  @Field(() => MoneyInput, { nullable: true, description: 'CASH: what the customer handed over; the change is recorded.' })
  amountTendered?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: 'CARD: the card number.' })
  @IsOptional()
  @MaxLength(32)
  cardNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'GIFT_CARD: the code.' })
  @IsOptional()
  @MaxLength(64)
  giftCardCode?: string | null;

  @Field(() => String, { nullable: true, description: "CARD_EXTERNAL: the terminal's reference for the payment." })
  @IsOptional()
  @MaxLength(100)
  reference?: string | null;
}

@InputType({ description: 'One line scanned or typed at the till: a SKU or a barcode.' })
export class PosLineInput {
  @Field(() => String, { nullable: true, description: 'The SKU; give this or `barcode`.' })
  @IsOptional()
  @MaxLength(100)
  sku?: string | null;

  @Field(() => String, { nullable: true, description: 'The barcode as scanned (EAN, UPC, ISBN); give this or `sku`.' })
  @IsOptional()
  @MaxLength(64)
  barcode?: string | null;

  @Field(() => Int, { description: 'Units, 1 to 999.' })
  @Min(1)
  @Max(999)
  quantity!: number;

  @Field(() => MoneyInput, { nullable: true, description: "Managers only: the unit price instead of the catalog's, with a `reason`." })
  priceOverride?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Managers only: an amount off the line, with a `reason`.' })
  discount?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: 'Why the price was overridden or the line discounted; recorded on the order.' })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}

@InputType({ description: 'A sale at the till of the store in the staff token.' })
export class PosOrderCreateInput {
  @Field(() => String, { description: "The device's own id for the sale (a UUID made on the till): one order per id." })
  @MaxLength(100)
  clientOrderId!: string;

  @Field(() => String, { description: 'The till; its open drawer session takes the sale.' })
  @MaxLength(100)
  deviceId!: string;

  @Field(() => [PosLineInput], { description: 'What is sold, 1 to 250 lines.' })
  @ArrayMaxSize(250)
  @ValidateNested({ each: true })
  lines!: PosLineInput[];

  @Field(() => [String], { nullable: true, description: 'Discount codes, applied as on every channel.' })
  @IsOptional()
  @ArrayMaxSize(20)
  discountCodes?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The customer, found with `customerLookup`: earns loyalty, may pay with store credit or points.',
  })
  customerId?: string | null;

  @Field(() => [PosPaymentInput], { description: 'The tenders, adding up to the total.' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  payments!: PosPaymentInput[];
}

@InputType({ description: 'One line as the offline till sold it: its price and discount stand.' })
export class PosOfflineLineInput {
  @Field(() => String, { nullable: true, description: 'The SKU; give this or `barcode`.' })
  @IsOptional()
  @MaxLength(100)
  sku?: string | null;

  @Field(() => String, { nullable: true, description: 'The barcode as scanned; give this or `sku`.' })
  @IsOptional()
  @MaxLength(64)
  barcode?: string | null;

  @Field(() => Int, { description: 'Units, 1 to 999.' })
  @Min(1)
  @Max(999)
  quantity!: number;

  @Field(() => MoneyInput, { description: 'The unit price the till used.' })
  unitPrice!: MoneyInput;

  @Field(() => MoneyInput, { nullable: true, description: 'What the till took off the line in total (its discounts).' })
  discount?: MoneyInput | null;
}

@InputType({ description: 'A sale a till made while offline, as it made it.' })
export class PosOfflineOrderInput {
  @Field(() => String, { description: "The device's own id for the sale: one order per id, however often it is synced." })
  @MaxLength(100)
  clientOrderId!: string;

  @Field(() => Date, { description: 'When the till sold it (its clock); reports count the sale then. Not in the future.' })
  soldAt!: Date;

  @Field(() => ID, { nullable: true, description: 'Who sold it; the staff member of the token when left out.' })
  staffId?: string | null;

  @Field(() => [PosOfflineLineInput], { description: 'What was sold, 1 to 250 lines.' })
  @ArrayMaxSize(250)
  @ValidateNested({ each: true })
  lines!: PosOfflineLineInput[];

  @Field(() => [String], { nullable: true, description: 'The codes the till applied; honoured, and flagged when they no longer apply.' })
  @IsOptional()
  @ArrayMaxSize(20)
  discountCodes?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The customer; a customer merged since gets it on the one they were merged into.' })
  customerId?: string | null;

  @Field(() => [PosPaymentInput], {
    description:
      'The tenders, adding up to the total. Gift cards, store credit and points are recorded for follow-up, never debited offline.',
  })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  payments!: PosPaymentInput[];
}
