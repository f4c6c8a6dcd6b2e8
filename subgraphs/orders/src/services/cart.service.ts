import { Role } from '#platform/auth';
import { runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException } from '#platform/graphql';
import type { OrdersContext } from '../context';
import { Cart, CartLine } from '../entities';
import { OrdersErrorCode } from '../errors';
import type { CartBuyerIdentityInput, CartCreateInput, CartLineInput, CartLineUpdateInput } from '../inputs/cart.input';
import { buyerErrors, codeErrors, noteErrors, quantityErrors } from '../rules/cart-input';
import { cartNotFound, findCart, lockOpenCart, touch } from './cart-access';
import { addLines, resolveLines, setCodes } from './cart-lines';
import { lockActiveCart, mergeCarts } from './cart-merge';

const refused = (userErrors: UserError[]): MutationOutcome<never> => ({ ok: false, userErrors });

/** The signed-in customer, if the caller is one. */
function customerOf(ctx: OrdersContext): string | null {
  return ctx.viewer.role === Role.CUSTOMER ? ctx.viewer.subject : null;
}

/**
 * A new cart, or, for a signed-in customer who has one, their active cart with this one's lines
 * and codes added, moved to this channel: one cart per customer across channels.
 */
export async function createCart(ctx: OrdersContext, input: CartCreateInput): Promise<MutationOutcome<Cart>> {
  const errors = [
    ...buyerErrors(input.buyerIdentity ?? {}, ['input', 'buyerIdentity']),
    ...codeErrors(input.discountCodes ?? [], ['input', 'discountCodes']),
    ...noteErrors(input.note, ['input', 'note']),
  ];
  if (errors.length > 0) return refused(errors);
  const resolved = await resolveLines(ctx, input.lines ?? [], input.channel, ['input', 'lines']);
  if (!resolved.ok) return refused(resolved.userErrors);
  const customerId = customerOf(ctx);
  const create = () =>
    runMutation(
      ctx,
      async (tx) => {
        let cart = customerId ? await lockActiveCart(tx, customerId) : null;
        const merging = cart !== null;
        if (!cart) {
          cart = tx.em.create(Cart, { channel: input.channel, customerId, currencyCode: tx.currencyCode } as Cart);
        }
        cart.channel = input.channel;
        applyBuyer(cart, input.buyerIdentity ?? {}, merging);
        if (input.note) cart.note = input.note;
        await addLines(tx, cart, resolved.lines, ['input', 'lines'], merging, !merging);
        await setCodes(tx, cart, input.discountCodes ?? [], true, !merging);
        if (merging) touch(cart);
        return cart;
      },
      { onUniqueViolation: (constraint) => (constraint === OPEN_CART_PER_CUSTOMER ? lostRace : undefined) },
    );
  const first = await create();
  // Two first carts of one customer at once (two devices): the loser adds to the winner's cart.
  if (!first.ok && first.userErrors[0] === lostRace) return create();
  return first;
}

/** One open cart per customer; a create that loses to another one retries and merges into it. */
const OPEN_CART_PER_CUSTOMER = 'cart_open_customer_unique';
const lostRace = new UserError(
  ['input'],
  'Another cart of this customer was opened at the same time; try again',
  OrdersErrorCode.CART_CLOSED,
);

export async function addCartLines(ctx: OrdersContext, cartId: string, lines: CartLineInput[]): Promise<MutationOutcome<Cart>> {
  const cart = await findCart(ctx, cartId);
  if (!cart) return refused(cartNotFound().userErrors);
  const resolved = await resolveLines(ctx, lines, cart.channel, ['lines']);
  if (!resolved.ok) return refused(resolved.userErrors);
  return changeCart(ctx, cartId, async (tx, locked) => {
    if (locked.channel !== cart.channel)
      throw new UserErrorsException([
        new UserError(['cartId'], 'The cart moved to another channel; try again', OrdersErrorCode.CART_CLOSED),
      ]);
    await addLines(tx, locked, resolved.lines, ['lines']);
  });
}

export async function updateCartLines(ctx: OrdersContext, cartId: string, lines: CartLineUpdateInput[]): Promise<MutationOutcome<Cart>> {
  const errors = lines.flatMap((line, index) => quantityErrors(line.quantity, ['lines', String(index), 'quantity'], 0));
  if (errors.length > 0) return refused(errors);
  return changeCart(ctx, cartId, async (tx, cart) => {
    const existing = new Map((await tx.em.find(CartLine, { cartId: cart.id })).map((line) => [line.id, line]));
    for (const [index, update] of lines.entries()) {
      const line = existing.get(update.id);
      if (!line)
        throw new UserErrorsException([
          new UserError(['lines', String(index), 'id'], 'The cart has no such line', OrdersErrorCode.NOT_FOUND),
        ]);
      if (update.quantity === 0) tx.em.remove(line);
      else line.quantity = update.quantity;
    }
  });
}

export async function removeCartLines(ctx: OrdersContext, cartId: string, lineIds: string[]): Promise<MutationOutcome<Cart>> {
  return changeCart(ctx, cartId, async (tx, cart) => {
    const existing = new Map((await tx.em.find(CartLine, { cartId: cart.id })).map((line) => [line.id, line]));
    for (const [index, id] of lineIds.entries()) {
      const line = existing.get(id);
      if (!line)
        throw new UserErrorsException([new UserError(['lineIds', String(index)], 'The cart has no such line', OrdersErrorCode.NOT_FOUND)]);
      tx.em.remove(line);
    }
  });
}

export async function updateCartCodes(ctx: OrdersContext, cartId: string, codes: string[]): Promise<MutationOutcome<Cart>> {
  const errors = codeErrors(codes, ['discountCodes']);
  if (errors.length > 0) return refused(errors);
  return changeCart(ctx, cartId, (tx, cart) => setCodes(tx, cart, codes));
}

/**
 * Contact details; and sign-in: a customer who sends their token takes a guest's cart over, and
 * when they already have an active cart the guest's is merged into it, which is the one returned.
 */
export async function updateCartBuyer(ctx: OrdersContext, cartId: string, buyer: CartBuyerIdentityInput): Promise<MutationOutcome<Cart>> {
  const errors = buyerErrors(buyer, ['buyerIdentity']);
  if (errors.length > 0) return refused(errors);
  const customerId = customerOf(ctx);
  return runMutation(ctx, async (tx) => {
    const cart = await lockOpenCart(tx, cartId);
    applyBuyer(cart, buyer, false);
    touch(cart);
    if (!customerId || cart.customerId === customerId) return cart;
    // The lock order is the cart's, then the customer's active one: only the signed-in customer merges into their cart.
    const active = await lockActiveCart(tx, customerId);
    if (!active) {
      cart.customerId = customerId;
      return cart;
    }
    await mergeCarts(tx, cart, active);
    return active;
  });
}

export async function updateCartNote(ctx: OrdersContext, cartId: string, note: string | null): Promise<MutationOutcome<Cart>> {
  const errors = noteErrors(note, ['note']);
  if (errors.length > 0) return refused(errors);
  return changeCart(ctx, cartId, (_tx, cart) => {
    cart.note = note;
    return Promise.resolve();
  });
}

/** One change to an open cart the caller may use, in a transaction, with a new version. */
export function changeCart(
  ctx: OrdersContext,
  cartId: string,
  change: (tx: OrdersContext, cart: Cart) => Promise<void>,
): Promise<MutationOutcome<Cart>> {
  return runMutation(ctx, async (tx) => {
    const cart = await lockOpenCart(tx, cartId);
    await change(tx, cart);
    touch(cart);
    return cart;
  });
}

function applyBuyer(cart: Cart, buyer: CartBuyerIdentityInput, keepExisting: boolean): void {
  const set = <K extends 'email' | 'phone' | 'countryCode'>(key: K, value: string | null | undefined) => {
    if (value === undefined || value === null || value.trim() === '') return;
    if (keepExisting && cart[key]) return;
    cart[key] = key === 'countryCode' ? value.trim().toUpperCase() : key === 'email' ? value.trim().toLowerCase() : value.trim();
  };
  set('email', buyer.email);
  set('phone', buyer.phone);
  set('countryCode', buyer.countryCode);
}
