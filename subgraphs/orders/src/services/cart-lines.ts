import { UserError, UserErrorsException, type SalesChannel } from '#platform/graphql';
import { skusOfVariants } from '../clients/catalog';
import type { OrdersContext } from '../context';
import { type Cart, CartDiscountCode, CartLine } from '../entities';
import { OrdersErrorCode } from '../errors';
import type { CartLineInput } from '../inputs/cart.input';
import { lineTargetErrors, normalizeCodes, quantityErrors } from '../rules/cart-input';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '../rules/cart-limits';
import { catalogFor } from './cart-pricing.service';

/** A line to add, checked against the catalog: its SKU and the price it was added at. */
export interface ResolvedLine {
  sku: string;
  quantity: number;
  priceAtAddMinor: number;
}

/**
 * Checks lines to add and finds them in the catalog, before any transaction: malformed lines and
 * SKUs or variant ids the catalog does not know are user errors. Two calls at most (variant ids,
 * then the catalog), however many lines; the same SKU twice becomes one line.
 */
export async function resolveLines(
  ctx: OrdersContext,
  lines: readonly CartLineInput[],
  channel: SalesChannel,
  path: readonly string[],
): Promise<{ ok: true; lines: ResolvedLine[] } | { ok: false; userErrors: UserError[] }> {
  if (lines.length > MAX_CART_LINES)
    return { ok: false, userErrors: [new UserError(path, `At most ${MAX_CART_LINES} lines`, OrdersErrorCode.TOO_MANY)] };
  const malformed = lines.flatMap((line, index) => [
    ...lineTargetErrors(line, [...path, String(index)]),
    ...quantityErrors(line.quantity, [...path, String(index), 'quantity']),
  ]);
  if (malformed.length > 0) return { ok: false, userErrors: malformed };

  const variantIds = lines.flatMap((line) => (line.variantId ? [line.variantId.trim()] : []));
  const skuOfVariant = variantIds.length > 0 ? await skusOfVariants(ctx, variantIds) : new Map<string, string>();
  const skus = lines.map((line) => (line.sku ? line.sku.trim() : (skuOfVariant.get(line.variantId!.trim()) ?? null)));
  const catalog = await catalogFor(
    ctx,
    skus.filter((sku): sku is string => sku !== null),
    channel,
  );
  const unknown = lines.flatMap((line, index) => {
    const sku = skus[index];
    if (sku !== null && catalog.has(sku)) return [];
    const field = line.sku ? 'sku' : 'variantId';
    return [
      new UserError(
        [...path, String(index), field],
        `The catalog has no variant ${line.sku ?? line.variantId}`,
        OrdersErrorCode.UNKNOWN_SKU,
      ),
    ];
  });
  if (unknown.length > 0) return { ok: false, userErrors: unknown };

  const bySku = new Map<string, ResolvedLine>();
  lines.forEach((line, index) => {
    const sku = skus[index]!;
    const existing = bySku.get(sku);
    if (existing) existing.quantity += line.quantity;
    else bySku.set(sku, { sku, quantity: line.quantity, priceAtAddMinor: catalog.get(sku)!.unitPriceMinor });
  });
  return { ok: true, lines: [...bySku.values()] };
}

/**
 * Adds lines to a locked cart: a SKU already there gets the quantities added. `capped` (a merge)
 * holds a line at 999 and drops lines past the cart's limit; otherwise going over is refused.
 */
export async function addLines(
  tx: OrdersContext,
  cart: Cart,
  lines: readonly ResolvedLine[],
  path: readonly string[],
  capped = false,
  fresh = false,
): Promise<void> {
  // A cart made in this transaction has no lines yet: no need to ask.
  const existing = fresh ? [] : await tx.em.find(CartLine, { cartId: cart.id });
  const bySku = new Map(existing.map((line) => [line.sku, line]));
  let count = existing.length;
  let position = existing.reduce((last, line) => Math.max(last, line.position), 0);
  for (const [index, line] of lines.entries()) {
    const current = bySku.get(line.sku);
    if (current) {
      const quantity = current.quantity + line.quantity;
      if (quantity > MAX_LINE_QUANTITY && !capped) {
        throw new UserErrorsException([
          new UserError(
            [...path, String(index), 'quantity'],
            `${line.sku} would reach ${quantity}; at most ${MAX_LINE_QUANTITY}`,
            OrdersErrorCode.LESS_THAN_OR_EQUAL_TO,
          ),
        ]);
      }
      current.quantity = Math.min(quantity, MAX_LINE_QUANTITY);
      continue;
    }
    if (count >= MAX_CART_LINES) {
      if (capped) continue;
      throw new UserErrorsException([new UserError(path, `A cart holds at most ${MAX_CART_LINES} lines`, OrdersErrorCode.TOO_MANY)]);
    }
    count += 1;
    position += 1;
    const created = tx.em.create(CartLine, {
      cartId: cart.id,
      sku: line.sku,
      quantity: line.quantity,
      priceAtAddMinor: line.priceAtAddMinor,
      position,
      createdAt: new Date(),
    });
    bySku.set(line.sku, created);
  }
}

/** Replaces (or, merging, unites) a locked cart's codes; `fresh`: a cart made in this transaction, which has none yet. */
export async function setCodes(tx: OrdersContext, cart: Cart, codes: readonly string[], unite = false, fresh = false): Promise<void> {
  const wanted = normalizeCodes(codes);
  if (wanted.length === 0 && (unite || fresh)) return;
  const existing = fresh ? [] : await tx.em.find(CartDiscountCode, { cartId: cart.id });
  const have = new Set(existing.map((row) => row.code));
  if (!unite) for (const row of existing) if (!wanted.includes(row.code)) tx.em.remove(row);
  for (const code of wanted) if (!have.has(code)) tx.em.create(CartDiscountCode, { cartId: cart.id, code, createdAt: new Date() });
}
