import { Field, InputType } from 'type-graphql';
import { MoneyInput } from '#platform/graphql';
import { PaymentMethodValue } from '../types/order.types';

@InputType({ description: 'One tender: stored value is taken first, the card last; together they pay the total.' })
export class CheckoutPaymentInput {
  @Field(() => PaymentMethodValue, { description: 'How this part is paid.' })
  method!: PaymentMethodValue;

  @Field(() => MoneyInput, { description: 'How much this tender pays.' })
  amount!: MoneyInput;

  @Field(() => String, { nullable: true, description: 'TEST_CARD: the card number (the README lists the test numbers).' })
  cardNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'GIFT_CARD: the card code.' })
  giftCardCode?: string | null;
}

@InputType({ description: 'How the cart is paid, and for a guest where the confirmation goes.' })
export class CheckoutCompleteInput {
  @Field(() => String, { nullable: true, description: 'A guest’s email; the cart’s when left out.' })
  email?: string | null;

  @Field(() => [CheckoutPaymentInput], {
    description:
      'The tenders, adding up to the total: stored value (gift cards, store credit) first, then one card. Empty with `payAtPickup`.',
  })
  payments!: CheckoutPaymentInput[];

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Place a PICKUP or SHIP_TO_STORE order unpaid; it is paid at the till when collected (`orderPickUp` payments).',
  })
  payAtPickup!: boolean;

  @Field(() => MoneyInput, { nullable: true, description: 'The total the shopper saw: PRICE_CHANGED when the fresh total differs.' })
  expectedTotal?: MoneyInput | null;
}
