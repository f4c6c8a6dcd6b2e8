/**
 * Pay at pickup: an order placed unpaid is paid at the till when it is collected, in CASH (with
 * the change recorded), MANUAL, or by card through the provider. The card is authorized before
 * the goods are handed over and captured after; a handover that is refused voids it. Every
 * provider call and ledger event is keyed by the pickup's own key, so a retried pickup charges
 * and records once.
 */
import { createHash } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserError } from '#platform/graphql';
import { orderPaymentSummaries } from '../checkout/settle';
import { CheckoutErrorCode } from '../checkout/errors';
import { Order, OrderLine, Payment, PaymentEventRecord } from '../entities';
import { shareOfFirst } from '../returns/refund-allocation';
import { appendOrderEvents } from '../order-events';
import { cashChange, financialStatus, type PaymentProvider } from '../payments';

/** One tender at the till, in minor units. */
export interface TillTender {
  method: 'CASH' | 'MANUAL' | 'TEST_CARD';
  amountMinor: number;
  /** CASH: what the customer handed over (the amount when left out). */
  tenderedMinor?: number | null;
  /** TEST_CARD: the card number. */
  cardNumber?: string | null;
}

/** A tender made good: a card authorized (reference), cash with its change. */
interface Taken {
  tender: TillTender;
  index: number;
  reference: string | null;
  changeMinor: number;
}

/**
 * What is still to pay on the order: what its lines cost less the share of units cancelled
 * before pickup (the same share a refund of them would give back), plus shipping while anything
 * is left, less what its ledgers say was taken and kept.
 */
export async function outstandingMinor(em: EntityManager, order: Order): Promise<number> {
  const lines = await em.find(OrderLine, { orderId: order.id });
  const kept = lines.reduce((sum, l) => sum + l.totalMinor - shareOfFirst(l.totalMinor, l.quantityCancelled, l.quantity), 0);
  const anythingLeft = lines.some((l) => l.quantityCancelled < l.quantity);
  const owed = anythingLeft ? order.totalMinor - lines.reduce((sum, l) => sum + l.totalMinor, 0) + kept : 0;
  const paid = (await orderPaymentSummaries(em, order.id)).reduce((sum, p) => sum + p.capturedMinor - p.refundedMinor, 0);
  return Math.max(0, owed - paid);
}

/** Why the tenders cannot pay `dueMinor`, or nothing. */
export function tenderProblems(tenders: readonly TillTender[], dueMinor: number): UserError[] {
  const sum = tenders.reduce((total, t) => total + t.amountMinor, 0);
  const errors: UserError[] = [];
  tenders.forEach((tender, index) => {
    const field = ['input', 'payments', String(index)];
    if (!Number.isSafeInteger(tender.amountMinor) || tender.amountMinor <= 0)
      errors.push(new UserError([...field, 'amount'], 'A payment must be a positive amount', CheckoutErrorCode.PAYMENT_MISMATCH));
    if (tender.method === 'TEST_CARD' && !tender.cardNumber)
      errors.push(new UserError([...field, 'cardNumber'], 'A card payment needs the card number', CheckoutErrorCode.PAYMENT_MISMATCH));
    if (tender.method === 'CASH' && tender.tenderedMinor != null && !cashChange(tender.amountMinor, tender.tenderedMinor).ok)
      errors.push(
        new UserError([...field, 'amountTendered'], 'Less cash was handed over than the amount', CheckoutErrorCode.PAYMENT_MISMATCH),
      );
  });
  if (sum !== dueMinor) {
    errors.push(
      new UserError(
        ['input', 'payments'],
        dueMinor === 0 ? 'The order is paid already' : `The payments add up to ${sum}, not the ${dueMinor} still to pay`,
        CheckoutErrorCode.PAYMENT_MISMATCH,
      ),
    );
  }
  return errors;
}

export class TillPayment {
  private readonly taken: Taken[] = [];

  constructor(
    private readonly card: PaymentProvider,
    private readonly order: Order,
    private readonly tenders: readonly TillTender[],
    /** The pickup's key, scoped to the caller. */
    private readonly key: string,
  ) {}

  /** Authorizes the card (cash and manual need nothing yet); the refusal, or null when all is ready. */
  async authorize(): Promise<UserError | null> {
    for (const [index, tender] of this.tenders.entries()) {
      if (tender.method !== 'TEST_CARD') {
        const changeMinor = tender.method === 'CASH' && tender.tenderedMinor != null ? tender.tenderedMinor - tender.amountMinor : 0;
        this.taken.push({ tender, index, reference: null, changeMinor });
        continue;
      }
      let result = await this.card.authorize({
        amountMinor: tender.amountMinor,
        currency: this.order.currencyCode,
        idempotencyKey: this.keyOf(index, 'authorize'),
        source: tender.cardNumber as string,
      });
      if (result.status === 'PENDING') result = await this.card.status(result.reference);
      if (result.status !== 'SUCCEEDED') {
        await this.undo();
        const message = result.status === 'DECLINED' ? `${result.message} (${result.code})` : 'The card processor did not answer';
        return new UserError(['input', 'payments', String(index)], `${message}; nothing was charged`, CheckoutErrorCode.PAYMENT_DECLINED);
      }
      this.taken.push({ tender, index, reference: result.reference, changeMinor: 0 });
    }
    return null;
  }

  /** Voids what was authorized: the goods did not leave. */
  async undo(): Promise<void> {
    for (const taken of this.taken) {
      if (taken.reference) await this.card.void({ reference: taken.reference, idempotencyKey: this.keyOf(taken.index, 'void') });
    }
  }

  /**
   * Captures the card and records every tender in the order's ledgers (once: events are unique
   * per key), with order.paid when the order is now paid, in one transaction under the order's lock.
   * False when the capture did not go through (asked again under the same key later).
   */
  async settle(em: EntityManager): Promise<boolean> {
    for (const taken of this.taken) {
      if (!taken.reference) continue;
      const result = await this.card.capture({
        reference: taken.reference,
        amountMinor: taken.tender.amountMinor,
        idempotencyKey: this.keyOf(taken.index, 'capture'),
      });
      if (result.status !== 'SUCCEEDED') return false;
    }
    await em.transactional(async (tx) => {
      const order = await tx.findOneOrFail(Order, { id: this.order.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const before = financialStatus(await orderPaymentSummaries(tx, order.id), order.totalMinor);
      for (const taken of this.taken) {
        const first = this.keyOf(taken.index, taken.reference ? 'authorize' : 'sale');
        if (await tx.findOne(PaymentEventRecord, { idempotencyKey: first })) continue;
        const payment = Object.assign(new Payment(), {
          orderId: order.id,
          method: taken.tender.method,
          amountMinor: taken.tender.amountMinor,
          currencyCode: order.currencyCode,
          sourceHint: taken.tender.cardNumber ? taken.tender.cardNumber.slice(-4) : null,
          providerReference: taken.reference,
        });
        tx.persist(payment);
        const event = (kind: string, amountMinor: number, suffix: string) =>
          tx.persist(
            Object.assign(new PaymentEventRecord(), {
              paymentId: payment.id,
              kind,
              amountMinor,
              status: 'SUCCEEDED',
              idempotencyKey: this.keyOf(taken.index, suffix),
              providerReference: taken.reference,
            }),
          );
        if (taken.reference) {
          event('AUTHORIZE', taken.tender.amountMinor, 'authorize');
          event('CAPTURE', taken.tender.amountMinor, 'capture');
        } else {
          // Cash: the SALE is what was handed over, the CHANGE what went back.
          event('SALE', taken.tender.amountMinor + taken.changeMinor, 'sale');
          if (taken.changeMinor > 0) event('CHANGE', taken.changeMinor, 'change');
        }
      }
      await tx.flush();
      if (before !== 'PAID' && financialStatus(await orderPaymentSummaries(tx, order.id), order.totalMinor) === 'PAID') {
        await appendOrderEvents(tx, order, [{ type: 'order.paid', data: { paidMinor: order.totalMinor } }]);
      }
    });
    return true;
  }

  /** True when this pickup's tenders are in the ledgers already (a retry of a pickup that went through). */
  async recorded(em: EntityManager): Promise<boolean> {
    if (this.tenders.length === 0) return false;
    const first = this.keyOf(0, this.tenders[0].method === 'TEST_CARD' ? 'authorize' : 'sale');
    return (await em.findOne(PaymentEventRecord, { idempotencyKey: first })) !== null;
  }

  private keyOf(index: number, step: string): string {
    return `pickup:${createHash('sha256').update(this.key).digest('base64url')}:${index}:${step}`;
  }
}
