/**
 * returnExchangeLinesSet: the new items a customer takes in exchange on a return, priced as a
 * sale at the return's store today (catalog price, today's promotions, tax), so the balance is
 * known: what they cost less what the returned units are worth (their refund). The pricing runs
 * before the transaction (it asks the catalog and promotions); the transaction, under the order's
 * lock, records the lines and the figures. Nothing is held or sent until the exchange is settled
 * (exchange-settle.ts). Setting them again replaces them, until it is settled. The new items are
 * collected at the return's store, or shipped to an address in the shop's country.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireLocationAccess } from '#platform/auth';
import { isUuid, runMutation, type MutationOutcome } from '#platform/db';
import { UserError } from '#platform/graphql';
import type { OrdersContext } from '../context';
import { Order, OrderLine, OrderReturn, type ReturnExchangeData } from '../entities';
import { OrdersErrorCode } from '../errors';
import type { PricedCart } from '../checkout';
import type { CartAddressInput } from '../inputs/cart.input';
import { priceTillSale } from '../pos/till-sale';
import { toAddress } from '../services/cart-delivery.service';
import { callerOf, refuse, type ReturnCaller } from './access';
import { ReturnErrorCode } from './errors';
import { expectedUnits, unitsValue, type CreditUnits } from './exchange-credit';
import { lockedReturn } from './return-review';

export interface ExchangeLineRequest {
  sku: string;
  quantity: number;
}

/** Where the new items go: collected at the return's store (null), or shipped to an address in the shop's country. */
export type ExchangeShipTo = CartAddressInput | null;

const notFound = (): MutationOutcome<never> => ({
  ok: false,
  userErrors: [new UserError(['returnId'], 'No return has this id', 'NOT_FOUND')],
});

/** The return and its order if `caller` may act on it: staff of any store, or the order's own customer. */
export async function returnFor(em: EntityManager, caller: ReturnCaller | null, returnId: string) {
  if (!caller || !isUuid(returnId)) return null;
  const ret = await em.findOne(OrderReturn, { id: returnId });
  const order = ret && (await em.findOne(Order, { id: ret.orderId }));
  if (!ret || !order || (caller.kind === 'customer' && order.customerId !== caller.customerId)) return null;
  return { ret, order };
}

/** Refuses an exchange that can no longer change: declined, or settled (or being settled). */
export function requireChangeable(ret: OrderReturn): void {
  if (ret.status === 'DECLINED') refuse(['returnId'], 'The return was declined', ReturnErrorCode.RETURN_NOT_OPEN);
  if (ret.exchange && ret.exchange.status !== 'AWAITING_PAYMENT') {
    refuse(['returnId'], 'The exchange on this return is settled already', ReturnErrorCode.EXCHANGE_SETTLED);
  }
}

export async function setExchangeLines(
  ctx: OrdersContext,
  returnId: string,
  lines: readonly ExchangeLineRequest[],
  shipTo: ExchangeShipTo = null,
): Promise<MutationOutcome<OrderReturn>> {
  const errors = [...linesErrors(lines), ...shipToErrors(ctx, shipTo)];
  if (errors.length) return { ok: false, userErrors: errors };
  const found = await returnFor(ctx.em.fork(), callerOf(ctx.viewer), returnId);
  if (!found) return notFound();
  const { ret, order } = found;
  const locationId = ret.locationId;
  if (!locationId) {
    return { ok: false, userErrors: [new UserError(['returnId'], 'The return has no store yet: approve it at one', 'LOCATION_REQUIRED')] };
  }
  if (callerOf(ctx.viewer)?.kind === 'staff') requireLocationAccess(ctx.viewer, locationId);

  const priced = await priceTillSale(
    ctx,
    { customerId: order.customerId, discountCodes: [] },
    lines.map((l) => ({ sku: l.sku.trim(), quantity: l.quantity, overrideMinor: null, discountMinor: 0, reason: null })),
    locationId,
    `exchange:${ret.id}`,
  );
  if (!priced.ok) {
    return {
      ok: false,
      userErrors: priced.userErrors.map((e) => new UserError(['lines', ...(e.field ?? []).slice(2), 'sku'], e.message, e.code)),
    };
  }
  // Collected where the return is taken, whether or not that location offers pickup to online shoppers; shipped: priced
  // as at the store (the shop's own country, so the same tax), then sent from wherever routing finds the stock.
  const address = shipTo ? toAddress(shipTo) : null;
  const cart: PricedCart = {
    ...priced.cart,
    delivery: address
      ? { method: 'SHIP', locationId: null, address, near: address.coordinates ?? null }
      : { method: 'PICKUP', locationId, address: null, near: null },
  };
  return runMutation(ctx, async ({ em }) => {
    const { ret: locked } = await lockedReturn(em, returnId);
    requireChangeable(locked);
    const orderLines = await em.find(OrderLine, { orderId: locked.orderId });
    const units = expectedUnits(locked.lines);
    // Units of the return refunded already (refundCreate) are worth nothing toward an exchange: settling would refuse them too.
    if (units.some((u) => refundedAlready(orderLines, u))) {
      return refuse(
        ['returnId'],
        'Units of this return were refunded already: they cannot pay for an exchange',
        ReturnErrorCode.NOT_REFUNDABLE,
      );
    }
    const exchange: ReturnExchangeData = {
      status: 'AWAITING_PAYMENT',
      lines: cart.lines.map((l) => ({
        id: randomUUID(),
        sku: l.sku,
        title: [l.productTitle ?? l.sku, l.variantTitle].filter(Boolean).join(' – '),
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
        subtotalMinor: l.subtotalMinor,
        discountMinor: l.discountMinor,
        taxMinor: l.taxMinor,
        totalMinor: l.totalMinor,
      })),
      cart,
      flags: priced.flags,
      totalMinor: cart.totals.totalMinor,
      creditMinor: unitsValue(orderLines, units),
      settlement: null,
      orderId: null,
      refundId: null,
    };
    locked.exchange = exchange;
    locked.updatedAt = new Date();
    await em.flush();
    return locked;
  });
}

/** Whether fewer of the line's units are left unrefunded than the return counts on. */
function refundedAlready(orderLines: readonly OrderLine[], units: CreditUnits): boolean {
  const line = orderLines.find((l) => l.id === units.orderLineId);
  return !line || units.quantity > line.quantity - line.quantityCancelled - line.quantityRefunded;
}

function shipToErrors(ctx: OrdersContext, shipTo: ExchangeShipTo): UserError[] {
  if (!shipTo) return [];
  const errors: UserError[] = [];
  if (!shipTo.address1?.trim()) errors.push(new UserError(['shipTo', 'address1'], 'Give the street and number', OrdersErrorCode.BLANK));
  if (!shipTo.city?.trim()) errors.push(new UserError(['shipTo', 'city'], 'Give the city', OrdersErrorCode.BLANK));
  if (shipTo.countryCode?.trim().toUpperCase() !== ctx.shopCountryCode) {
    errors.push(new UserError(['shipTo', 'countryCode'], `Exchanges ship within ${ctx.shopCountryCode}`, OrdersErrorCode.INVALID));
  }
  return errors;
}

function linesErrors(lines: readonly ExchangeLineRequest[]): UserError[] {
  if (lines.length === 0 || lines.length > 50) return [new UserError(['lines'], 'Name 1 to 50 new items', OrdersErrorCode.INVALID)];
  const errors: UserError[] = [];
  lines.forEach((line, index) => {
    const field = ['lines', String(index)];
    if (!line.sku.trim()) errors.push(new UserError([...field, 'sku'], 'Name the SKU', OrdersErrorCode.BLANK));
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      errors.push(new UserError([...field, 'quantity'], 'Take at least 1 unit', 'GREATER_THAN_OR_EQUAL_TO'));
    } else if (line.quantity > 999) {
      errors.push(new UserError([...field, 'quantity'], 'Take at most 999 units', 'LESS_THAN_OR_EQUAL_TO'));
    }
  });
  const skus = lines.map((l) => l.sku.trim());
  if (new Set(skus).size !== skus.length)
    errors.push(new UserError(['lines'], 'List each SKU once, with its quantity', OrdersErrorCode.TAKEN));
  return errors;
}
