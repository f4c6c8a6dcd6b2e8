import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { runMutation, selectPlain, sql, type MutationOutcome, type Orm } from '#platform/db';
import {
  keysetAfter,
  pageRequest,
  readOrder,
  toConnection,
  UserError,
  UserErrorsException,
  type ConnectionArgs,
  type ConnectionShape,
} from '#platform/graphql';
import { publishEvents } from '#platform/outbox';
import type { Logger } from '#platform/runtime';
import { SCHEMA } from '../constants';
import { CartAbandoned } from '../contract';
import type { OrdersContext, OrdersShared } from '../context';
import { Cart, CART_ID_PATTERN, CartStatus } from '../entities';
import { OrdersErrorCode } from '../errors';
import { cartNotFound, touch } from './cart-access';
import { cartOfRecoveryToken, signRecoveryToken } from './recovery-token';

/** Carts of a known shopper (a customer or an email) with lines, unchanged since `cutoff`, oldest change first. */
const ABANDONED = `from "${SCHEMA}"."cart" c
  where c.status = 'OPEN' and c.updated_at < ? and (c.customer_id is not null or c.email is not null)
    and exists (select 1 from "${SCHEMA}"."cart_line" l where l.cart_id = c.id)`;

/** Staff's list of abandoned carts, keyset-paged by (updated_at, id). */
export async function abandonedCarts(ctx: OrdersContext, args: ConnectionArgs): Promise<ConnectionShape<Cart>> {
  const page = pageRequest(args, { backward: true });
  const order = readOrder(page, 'asc');
  const cutoff = new Date(Date.now() - ctx.abandonedAfterMs);
  const after = keysetAfter(page, ['date', 'text']);
  const rows = await selectPlain(
    ctx.em,
    Cart,
    `select c.* ${ABANDONED} ${after ? `and (c.updated_at, c.id) ${order === 'asc' ? '>' : '<'} (?, ?)` : ''} order by c.updated_at ${order}, c.id ${order} limit ?`,
    [cutoff, ...(after ?? []), page.limit],
  );
  return toConnection(rows, page, (cart) => [cart.updatedAt.toISOString(), cart.id]);
}

/** Staff: mails the shopper a link back to the cart and records the abandonment. */
export async function sendCartRecovery(ctx: OrdersContext, cartId: string): Promise<MutationOutcome<Cart>> {
  const cart = CART_ID_PATTERN.test(cartId) ? await ctx.em.findOne(Cart, { id: cartId }) : null;
  if (!cart) return { ok: false, userErrors: cartNotFound().userErrors };
  if (cart.status !== CartStatus.OPEN)
    return { ok: false, userErrors: [new UserError(['cartId'], 'The cart is no longer open', OrdersErrorCode.CART_CLOSED)] };
  if (!cart.email)
    return {
      ok: false,
      userErrors: [new UserError(['cartId'], 'The shopper left no email to send the link to', OrdersErrorCode.NO_EMAIL)],
    };
  await mailRecoveryLink(ctx, cart);
  return runMutation(ctx, (tx) => recordAbandonment(tx.em, cart.id));
}

/** Opens the cart a recovery link names, on any device; a customer's cart still needs the customer signed in to change it. */
export async function recoverCart(ctx: OrdersContext, token: string): Promise<MutationOutcome<Cart>> {
  const invalid = {
    ok: false as const,
    userErrors: [new UserError(['token'], 'This link is not valid any more', OrdersErrorCode.INVALID_RECOVERY_TOKEN)],
  };
  const cartId = ctx.recoverySecret ? await cartOfRecoveryToken(token, ctx.recoverySecret) : null;
  if (!cartId) return invalid;
  return runMutation(ctx, async (tx) => {
    const cart = await tx.em.findOne(Cart, { id: cartId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!cart || cart.status !== CartStatus.OPEN) throw new UserErrorsException(invalid.userErrors);
    touch(cart);
    return cart;
  });
}

/**
 * The periodic reminder: each abandoned cart with an email, not yet reminded, is mailed once.
 * A sweep first claims its carts (marks them reminded, skipping rows another replica holds), so
 * replicas sweeping side by side never mail a cart twice; a cart whose mail fails is released
 * for the next sweep. A process dying between claim and mail leaves that cart unreminded: a
 * missed reminder is better than a second one.
 */
export async function sweepAbandonedCarts(orm: Orm, logger: Logger, shared: OrdersShared): Promise<number> {
  const claimed = await orm.em.fork().transactional((tx) =>
    selectPlain(
      tx as EntityManager,
      Cart,
      `update "${SCHEMA}"."cart" set recovery_sent_at = now()
        where id in (select c.id ${ABANDONED} and c.email is not null and c.recovery_sent_at is null
                      order by c.updated_at limit 50 for update of c skip locked)
        returning *`,
      [new Date(Date.now() - shared.abandonedAfterMs)],
    ),
  );
  let sent = 0;
  for (const cart of claimed) {
    try {
      await mailRecoveryLink(shared, cart);
    } catch (error) {
      logger.warn({ err: error, cartId: cart.id }, 'cart reminder not sent; the next sweep tries again');
      await sql(orm.em.fork(), `update "${SCHEMA}"."cart" set recovery_sent_at = null where id = ?`, [cart.id]);
      continue;
    }
    await orm.em.fork().transactional((tx) => recordAbandonment(tx as EntityManager, cart.id));
    sent += 1;
  }
  return sent;
}

async function mailRecoveryLink(shared: Pick<OrdersShared, 'recoverySecret' | 'recoveryUrl' | 'mailer'>, cart: Cart): Promise<void> {
  if (!shared.recoverySecret) throw new Error('No token secret to sign recovery links with');
  const token = await signRecoveryToken(cart.id, shared.recoverySecret);
  const link = `${shared.recoveryUrl}${shared.recoveryUrl.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
  await shared.mailer.send({
    id: `cart-recovery-${cart.id}-${cart.version}`,
    to: cart.email!,
    subject: 'Your cart is waiting for you',
    text: `You left something in your cart. Pick up where you left off, on any device:\n\n${link}\n\nThe link works for 7 days.`,
  });
}

/** Marks the cart reminded and publishes cart.abandoned in the same transaction. */
async function recordAbandonment(em: EntityManager, cartId: string): Promise<Cart> {
  const cart = await em.findOneOrFail(Cart, { id: cartId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  cart.recoverySentAt = new Date();
  const [{ count }] = await sql<{ count: string }>(em, `select count(*) from "${SCHEMA}"."cart_line" where cart_id = ?`, [cartId]);
  await publishEvents(em, SCHEMA, [
    {
      topic: CartAbandoned.topic,
      key: cartId,
      payload: CartAbandoned.parse({
        eventId: randomUUID(),
        cartId,
        customerId: cart.customerId,
        channel: cart.channel,
        lineCount: Number(count),
        occurredAt: new Date().toISOString(),
      }),
    },
  ]);
  return cart;
}
