import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '#platform/graphql';
import { LocationReference } from './references.types';

@ObjectType('ReceiptLine', { description: 'One line as the till prints it.' })
export class ReceiptLineView {
  @Field(() => String, { description: 'The product and variant titles.' })
  title!: string;

  @Field(() => String, { description: 'The SKU.' })
  sku!: string;

  @Field(() => Int, { description: 'Units.' })
  quantity!: number;

  @Field(() => Money, { description: 'The price of one unit.' })
  unitPrice!: Money;

  @Field(() => Money, { description: 'Discounts on the line.' })
  discount!: Money;

  @Field(() => Money, { description: 'What the line costs.' })
  total!: Money;
}

@ObjectType('ReceiptAmount', { description: 'A named amount on a receipt: a discount or a tax rate.' })
export class ReceiptAmountView {
  @Field(() => String, { description: 'What it is, e.g. "VAT 19%" or a discount\'s title.' })
  title!: string;

  @Field(() => Money, { description: 'The amount.' })
  amount!: Money;
}

@ObjectType('ReceiptTender', { description: 'One tender as the till prints it.' })
export class ReceiptTenderView {
  @Field(() => String, { description: 'How it was paid (PaymentMethod).' })
  method!: string;

  @Field(() => Money, { description: 'What it paid of the total.' })
  amount!: Money;

  @Field(() => Money, { nullable: true, description: 'Cash: what was handed over; null otherwise.' })
  tendered!: Money | null;

  @Field(() => Money, { nullable: true, description: 'Cash: the change given; null otherwise.' })
  change!: Money | null;
}

@ObjectType('Receipt', { description: 'What a till prints for an order: as structured data, and as plain text.' })
export class ReceiptView {
  @Field(() => String, { description: "The shop's name (SHOP_NAME)." })
  shopName!: string;

  @Field(() => LocationReference, { nullable: true, description: 'The store that sold it; null for an online order.' })
  location!: LocationReference | null;

  @Field(() => String, { description: 'The order number.' })
  number!: string;

  @Field(() => Date, { description: 'When it was sold.' })
  soldAt!: Date;

  @Field(() => [ReceiptLineView], { description: 'The lines.' })
  lines!: ReceiptLineView[];

  @Field(() => [ReceiptAmountView], { description: 'The discounts that applied.' })
  discounts!: ReceiptAmountView[];

  @Field(() => [ReceiptAmountView], { description: 'Tax per rate.' })
  taxes!: ReceiptAmountView[];

  @Field(() => Money, { description: 'What the customer paid.' })
  total!: Money;

  @Field(() => [ReceiptTenderView], { description: 'The tenders.' })
  tenders!: ReceiptTenderView[];

  @Field(() => Money, { description: 'All change given.' })
  change!: Money;

  @Field(() => Int, { nullable: true, description: 'Loyalty points the purchase earned; null until they are credited, or when none.' })
  loyaltyPointsEarned!: number | null;

  @Field(() => String, { description: 'The receipt as plain text, 42 columns wide, for a receipt printer.' })
  text!: string;
}
