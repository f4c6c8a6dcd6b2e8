/**
 * A pickup's idempotency key, bound to its request when the handover starts: the order, how the
 * customer proved it is theirs and the tenders. The key alone names the pickup's payments and
 * fulfilments, so without the binding the same key sent for another order (or with other
 * tenders) would find the first request's payment and hand the goods over unpaid. A pickup
 * refused before anything left under its key lets the key go, as a refused mutation under
 * `idempotent` does.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { claimIdempotencyKeys, sql } from '#platform/db';
import type { UserError } from '#platform/graphql';
import { SCHEMA } from '../constants';
import { Fulfillment, FulfillmentState, type FulfillmentOrder } from '../entities';
import type { TillTender } from './pickup-payment';

/** What a pickup is, for comparing a retry with the request its key was first sent with. */
export interface PickupRequest {
  orderId: string;
  pickupCode: string | null;
  customerId: string | null;
  tenders: readonly TillTender[];
}

/** The order being picked up, with its fulfilment orders (read once by the pickup). */
export interface PickupOrder {
  orderId: string;
  fulfillmentOrders: readonly Pick<FulfillmentOrder, 'id'>[];
}

export class PickupKey {
  private constructor(
    /** The caller's scope, which the pickup's fulfilments are keyed under. */
    private readonly callerScope: string,
    /** The scope the key's binding is recorded under. */
    private readonly scope: string,
    private readonly key: string,
  ) {}

  /** Binds `key` to `request` (or finds it bound to the same request); the IDEMPOTENCY_KEY_MISMATCH error when it names another. */
  static async claim(em: EntityManager, callerScope: string, key: string, request: PickupRequest): Promise<PickupKey | UserError> {
    const scope = `orderPickUp:${callerScope}`;
    const input = {
      ...request,
      pickupCode: request.pickupCode?.trim().toUpperCase() || null,
      tenders: request.tenders.map((t) => ({ ...t, tenderedMinor: t.tenderedMinor ?? null, cardNumber: t.cardNumber ?? null })),
    };
    const [claim] = await em.transactional((tx) => claimIdempotencyKeys(tx, SCHEMA, scope, [{ key, input }]));
    return claim.state === 'mismatch' ? claim.userError : new PickupKey(callerScope, scope, key);
  }

  /** The fulfilment key of the pickup's handover of one fulfilment order. */
  static fulfillmentKey(key: string, fulfillmentOrderId: string): string {
    return `${key}:${fulfillmentOrderId}`;
  }

  /** True when anything of the order (whose fulfilment orders are given) was handed over, or is being, under this key. */
  async handedOver(em: EntityManager, order: PickupOrder): Promise<boolean> {
    return (await em.count(Fulfillment, this.handovers(order))) > 0;
  }

  /** The fulfilment orders whose handover under this key is recorded but not finished (inventory did not answer). */
  async unfinished(em: EntityManager, order: PickupOrder): Promise<Set<string>> {
    const pending = await em.find(Fulfillment, { ...this.handovers(order), state: FulfillmentState.PENDING });
    return new Set(pending.map((f) => f.fulfillmentOrderId));
  }

  /** Lets the key go after a refusal that changed nothing, unless something left under it meanwhile. */
  async release(em: EntityManager, order: PickupOrder): Promise<void> {
    if (await this.handedOver(em, order)) return;
    await sql(em, `delete from "${SCHEMA}"."idempotency_record" where scope = ? and key = ?`, [this.scope, this.key]);
  }

  /** The fulfilments this key's handovers of the order are recorded as. */
  private handovers(order: PickupOrder) {
    const keys = order.fulfillmentOrders.map((fo) => PickupKey.fulfillmentKey(this.key, fo.id));
    return { orderId: order.orderId, callerScope: this.callerScope, idempotencyKey: { $in: keys } };
  }
}
