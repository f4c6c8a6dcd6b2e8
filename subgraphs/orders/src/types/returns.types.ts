import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '#platform/graphql';
import { RefundTo } from '../inputs/cancel.input';
import { PaymentMethodValue } from './order.types';
import { LocationReference } from './references.types';

export enum ReturnStatusValue {
  REQUESTED = 'REQUESTED',
  OPEN = 'OPEN',
  DECLINED = 'DECLINED',
  PARTIALLY_RECEIVED = 'PARTIALLY_RECEIVED',
  RECEIVED = 'RECEIVED',
}

registerEnumType(ReturnStatusValue, {
  name: 'ReturnStatus',
  description: 'Where a return stands.',
  valuesConfig: {
    REQUESTED: { description: 'The customer asked; staff approve or decline it.' },
    OPEN: { description: 'Approved, or opened by staff at a store: the units are expected there.' },
    DECLINED: { description: 'Staff declined the request; its units may be returned another time.' },
    PARTIALLY_RECEIVED: { description: 'Some of its units arrived.' },
    RECEIVED: { description: 'Every unit is accounted for (restocked, damaged or missing).' },
  },
});

export enum RefundStatusValue {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
}

registerEnumType(RefundStatusValue, {
  name: 'RefundStatus',
  description: 'Whether the money of a refund has moved.',
  valuesConfig: {
    PENDING: { description: 'Some money is still to go back (a provider did not confirm yet); it is retried until done.' },
    SUCCEEDED: { description: 'Every payment got its share back.' },
  },
});

export enum ExchangeStatusValue {
  AWAITING_PAYMENT = 'AWAITING_PAYMENT',
  SETTLING = 'SETTLING',
  SETTLED = 'SETTLED',
}

registerEnumType(ExchangeStatusValue, {
  name: 'ExchangeStatus',
  description: 'Where the exchange on a return stands.',
  valuesConfig: {
    AWAITING_PAYMENT: { description: 'Held: no order exists for the new items and nothing is reserved or sent until it is settled.' },
    SETTLING: { description: 'Being settled: the exchange order is being placed and paid.' },
    SETTLED: { description: 'Settled: the exchange order exists (`exchangeOrder`) and any excess was refunded.' },
  },
});

@ObjectType('ExchangeLine', { description: "A new item taken in exchange, priced at the return's store on the day it was set." })
export class ExchangeLineView {
  @Field(() => ID, { description: 'The exchange line.' })
  id!: string;

  @Field(() => String, { description: 'The SKU.' })
  sku!: string;

  @Field(() => String, { description: 'The product and variant titles.' })
  title!: string;

  @Field(() => Int, { description: 'Units.' })
  quantity!: number;

  @Field(() => Money, { description: "The unit price that day (the catalog's price for the store)." })
  unitPrice!: Money;

  @Field(() => Money, { description: "The line's discounts from that day's promotions." })
  discount!: Money;

  @Field(() => Money, { description: 'The tax inside or on top of the line total.' })
  tax!: Money;

  @Field(() => Money, { description: 'What the line costs.' })
  total!: Money;
}

@ObjectType('ReturnLine', { description: 'Units of one order line on a return, and what the store found when they came.' })
export class ReturnLineView {
  @Field(() => ID, { description: 'The return line; returnReceive names it.' })
  id!: string;

  @Field(() => ID, { description: 'The order line the units are from.' })
  orderLineId!: string;

  @Field(() => String, { description: 'The SKU.' })
  sku!: string;

  @Field(() => Int, { description: 'Units coming back.' })
  quantity!: number;

  @Field(() => String, { description: 'Why they come back.' })
  reason!: string;

  @Field(() => Int, { description: 'Units received and put back on hand at the store.' })
  quantityRestocked!: number;

  @Field(() => Int, { description: 'Units received damaged: returned, not restocked.' })
  quantityDamaged!: number;

  @Field(() => Int, { description: 'Units that did not arrive: not returned.' })
  quantityMissing!: number;
}

@ObjectType('Return', { description: 'Units of an order coming back, to a store, whatever channel sold them.' })
export class ReturnView {
  @Field(() => ID, { description: 'The return.' })
  id!: string;

  @Field(() => ReturnStatusValue, { description: 'Where it stands.' })
  status!: ReturnStatusValue;

  @Field(() => LocationReference, { nullable: true, description: 'The store the units come back to; null until staff approve a request.' })
  location!: LocationReference | null;

  @Field(() => [ReturnLineView], { description: 'The units, per order line.' })
  lines!: ReturnLineView[];

  @Field(() => String, { nullable: true, description: 'Why staff declined it.' })
  declineReason!: string | null;

  @Field(() => [ExchangeLineView], { description: 'New items taken in exchange (returnExchangeLinesSet); empty when none.' })
  exchangeLines!: ExchangeLineView[];

  @Field(() => ExchangeStatusValue, { nullable: true, description: 'Where the exchange stands; null when the return has none.' })
  exchangeStatus!: ExchangeStatusValue | null;

  @Field(() => Money, { nullable: true, description: 'What the new items cost; null without an exchange.' })
  exchangeTotal!: Money | null;

  @Field(() => Money, {
    nullable: true,
    description: "What the returned units are worth toward them: exactly their refund (units found missing don't count).",
  })
  exchangeCredit!: Money | null;

  @Field(() => Money, {
    nullable: true,
    description: 'exchangeTotal − exchangeCredit: positive, the customer pays it (returnExchangeSettle); negative, it is refunded to them.',
  })
  exchangeBalance!: Money | null;

  /** The exchange order's id, for `exchangeOrder`. */
  exchangeOrderId!: string | null;

  @Field(() => Date, { description: 'When it was asked for or opened.' })
  createdAt!: Date;
}

@ObjectType('RefundLine', { description: 'Money for units of one order line.' })
export class RefundLineView {
  @Field(() => ID, { description: 'The order line.' })
  orderLineId!: string;

  @Field(() => Int, { description: 'Units refunded.' })
  quantity!: number;

  @Field(() => Money, { description: 'What they give back: their share of what was paid for the line, tax included.' })
  amount!: Money;

  @Field(() => Money, { description: 'The tax inside `amount`.' })
  tax!: Money;
}

@ObjectType('RefundTransaction', { description: 'The share of a refund that goes back to one payment.' })
export class RefundTransactionView {
  @Field(() => ID, { description: 'The payment.' })
  paymentId!: string;

  @Field(() => PaymentMethodValue, { description: 'How it was paid.' })
  method!: PaymentMethodValue;

  @Field(() => Money, { description: 'What goes back to it.' })
  amount!: Money;
}

@ObjectType('SuggestedRefund', { description: 'What refundCreate would give back now, and to which payments (ORIGINAL).' })
export class SuggestedRefundView {
  @Field(() => Money, { description: 'The whole refund.' })
  total!: Money;

  @Field(() => [RefundLineView], { description: 'Per line.' })
  lines!: RefundLineView[];

  @Field(() => Money, { description: 'Shipping in it.' })
  shipping!: Money;

  @Field(() => Money, { description: 'Tax in it.' })
  tax!: Money;

  @Field(() => [RefundTransactionView], { description: 'Where it goes: the card first, then store credit, gift cards and points.' })
  transactions!: RefundTransactionView[];
}

@ObjectType('Refund', { description: 'Money given back for returned units (and shipping), exactly their share of what was paid.' })
export class RefundView extends SuggestedRefundView {
  @Field(() => ID, { description: 'The refund.' })
  id!: string;

  @Field(() => RefundStatusValue, { description: 'Whether all its money has moved.' })
  status!: RefundStatusValue;

  @Field(() => RefundTo, { description: 'Where the money goes: the tenders, or store credit.' })
  refundTo!: RefundTo;

  @Field(() => Money, {
    description: 'Of the total, what an exchange kept toward its new items (an EXCHANGE_CREDIT payment there); zero otherwise.',
  })
  exchangeCredit!: Money;

  @Field(() => Date, { description: 'When it was made.' })
  createdAt!: Date;

  /** The return it is for, for `return`. */
  returnId!: string | null;
}
