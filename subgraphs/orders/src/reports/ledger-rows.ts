/**
 * The sales ledger's rows worked out from an order's snapshot: pure, exact to the cent. Amounts
 * are without tax, so gross − discount = net and net + tax + shipping is what was paid, whether
 * the shop's prices include tax or not. Units taken back carry k/n of the line by the refund
 * maths' rule (the last units take the remainder), so a line's rows always net to zero once all
 * of it is taken back.
 */
import { shareOfUnits } from '../returns/refund-allocation';
import type { SalesLedgerKind } from '../entities';

/** One row to write; money in minor units, negative for what is taken back. */
export interface SalesRowInput {
  kind: SalesLedgerKind;
  orderId: string;
  orderLineId: string | null;
  channel: string;
  locationId: string | null;
  staffId: string | null;
  customerId: string | null;
  productId: string | null;
  variantId: string | null;
  sku: string | null;
  categoryIds: string[];
  quantity: number;
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  taxMinor: number;
  shippingMinor: number;
  currencyCode: string;
  occurredAt: Date;
}

/** What the ledger needs of an order. */
export interface LedgerOrder {
  id: string;
  channel: string;
  fulfillmentMethod: string;
  /** The till's store (POS). */
  locationId: string | null;
  pickupLocationId: string | null;
  staffId: string | null;
  customerId: string | null;
  currencyCode: string;
  pricesIncludeTax: boolean;
  totalMinor: number;
  taxTotalMinor: number;
  processedAt: Date;
}

/** What the ledger needs of a line. */
export interface LedgerLine {
  id: string;
  sku: string;
  productId: string | null;
  variantId: string | null;
  categoryIds: string[];
  quantity: number;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  /** What was paid for the line, tax included. */
  totalMinor: number;
}

/**
 * Where a sale counts: the till's store, or the store the customer collects at. A shipped order
 * counts at no store (null): the location it ships from is decided after placement and may be
 * several, and the ledger is append-only, so online sales are told apart by channel instead.
 */
export function saleLocation(order: LedgerOrder): string | null {
  return order.locationId ?? order.pickupLocationId ?? null;
}

/** A line's amounts without tax: gross, discount, net, tax. */
export function lineAmounts(order: Pick<LedgerOrder, 'pricesIncludeTax'>, line: LedgerLine) {
  const netMinor = line.totalMinor - line.taxMinor;
  const paidBase = line.subtotalMinor - line.discountMinor;
  // Prices with tax: the gross loses tax in the proportion the net did, rounded half-up.
  const grossMinor = order.pricesIncludeTax && paidBase > 0 ? roundedRatio(line.subtotalMinor, netMinor, paidBase) : line.subtotalMinor;
  return { grossMinor, discountMinor: grossMinor - netMinor, netMinor, taxMinor: line.taxMinor };
}

/** The order's shipping as paid (what it cost beyond its lines) and the tax inside it. */
export function shippingAmounts(order: LedgerOrder, lines: readonly LedgerLine[]) {
  const paid = Math.max(0, order.totalMinor - lines.reduce((sum, l) => sum + l.totalMinor, 0));
  const taxMinor = Math.min(paid, Math.max(0, order.taxTotalMinor - lines.reduce((sum, l) => sum + l.taxMinor, 0)));
  return { shippingMinor: paid - taxMinor, taxMinor };
}

function base(order: LedgerOrder, kind: SalesLedgerKind, occurredAt: Date, locationId: string | null) {
  return {
    kind,
    orderId: order.id,
    channel: order.channel,
    locationId,
    staffId: order.staffId,
    customerId: order.customerId,
    currencyCode: order.currencyCode,
    occurredAt,
  };
}

function lineFields(line: LedgerLine) {
  return {
    orderLineId: line.id,
    productId: line.productId,
    variantId: line.variantId,
    sku: line.sku,
    categoryIds: line.categoryIds,
  };
}

/** A row per line and one for shipping (when charged), at the sale's time and store. */
export function saleRows(order: LedgerOrder, lines: readonly LedgerLine[]): SalesRowInput[] {
  const at = base(order, 'SALE', order.processedAt, saleLocation(order));
  const rows: SalesRowInput[] = lines.map((line) => ({
    ...at,
    ...lineFields(line),
    quantity: line.quantity,
    ...lineAmounts(order, line),
    shippingMinor: 0,
  }));
  const shipping = shippingAmounts(order, lines);
  if (shipping.shippingMinor > 0 || shipping.taxMinor > 0) rows.push(shippingRow(at, shipping, 1));
  return rows;
}

/** Units taken back from one line. */
export interface TakenBack {
  line: LedgerLine;
  /** Units of the line taken back before these (by the same rule), so the shares continue. */
  before: number;
  quantity: number;
}

/**
 * Negative rows for units cancelled or returned, and for shipping when it goes back too; at
 * `locationId` (a return's store; the sale's for a cancellation) and `occurredAt`.
 */
export function takenBackRows(
  order: LedgerOrder,
  kind: Exclude<SalesLedgerKind, 'SALE'>,
  units: readonly TakenBack[],
  options: { occurredAt: Date; locationId: string | null; shipping?: { shippingMinor: number; taxMinor: number } | null },
): SalesRowInput[] {
  const at = base(order, kind, options.occurredAt, options.locationId);
  const rows: SalesRowInput[] = units
    .filter((u) => u.quantity > 0)
    .map(({ line, before, quantity }) => {
      const whole = lineAmounts(order, line);
      const share = (amount: number) => shareOfUnits(amount, line.quantity, before, quantity);
      const grossMinor = share(whole.grossMinor);
      const netMinor = share(line.totalMinor) - share(line.taxMinor);
      return {
        ...at,
        ...lineFields(line),
        quantity: negative(quantity),
        grossMinor: negative(grossMinor),
        discountMinor: negative(grossMinor - netMinor),
        netMinor: negative(netMinor),
        taxMinor: negative(share(line.taxMinor)),
        shippingMinor: 0,
      };
    });
  const shipping = options.shipping;
  if (shipping && (shipping.shippingMinor > 0 || shipping.taxMinor > 0)) rows.push(shippingRow(at, shipping, -1));
  return rows;
}

function shippingRow(at: ReturnType<typeof base>, shipping: { shippingMinor: number; taxMinor: number }, sign: 1 | -1): SalesRowInput {
  return {
    ...at,
    orderLineId: null,
    productId: null,
    variantId: null,
    sku: null,
    categoryIds: [],
    quantity: 0,
    grossMinor: 0,
    discountMinor: 0,
    netMinor: 0,
    taxMinor: sign === 1 ? shipping.taxMinor : negative(shipping.taxMinor),
    shippingMinor: sign === 1 ? shipping.shippingMinor : negative(shipping.shippingMinor),
  };
}

/** −n, never −0. */
const negative = (n: number): number => (n === 0 ? 0 : -n);

/** round(a × b / c) half-up, exact for non-negative integers (c > 0). */
function roundedRatio(a: number, b: number, c: number): number {
  return Number((2n * BigInt(a) * BigInt(b) + BigInt(c)) / (2n * BigInt(c)));
}
