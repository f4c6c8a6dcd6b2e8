import { forbidden, isStaff, Role, unauthenticated } from '#platform/auth';
import { UserError } from '#platform/graphql';
import type { CustomersContext } from '../context';
import type { Customer } from '../entities';
import { CustomersErrorCode } from '../errors';
import { findCustomer } from './customer-query.service';

/** The signed-in customer, followed through a merge; null for every other kind of caller. */
export async function viewerCustomer(ctx: CustomersContext): Promise<Customer | null> {
  const { role, subject } = ctx.viewer;
  return role === Role.CUSTOMER && subject ? findCustomer(ctx, subject) : null;
}

/**
 * Whether the caller may see this customer: staff and services any, a customer only
 * themselves (a token issued before a merge still names them), nobody else.
 */
export async function mayAccess(ctx: CustomersContext, customer: Customer | null): Promise<boolean> {
  if (isStaff(ctx.viewer)) return true;
  if (!customer) return false;
  return (await viewerCustomer(ctx))?.id === customer.id;
}

/** Refuses the caller unless `mayAccess`: UNAUTHENTICATED without a token, FORBIDDEN otherwise. */
export async function requireAccess(ctx: CustomersContext, customer: Customer | null): Promise<void> {
  if (await mayAccess(ctx, customer)) return;
  if (ctx.viewer.role === Role.ANONYMOUS) throw unauthenticated();
  throw forbidden(
    ctx.viewer.role === Role.CUSTOMER
      ? 'A customer can see and change only their own data'
      : 'Only staff and the customer themselves may do this',
  );
}

/**
 * A customer a query names, or null when there is none. An unknown id and someone else's
 * look the same to a customer (both FORBIDDEN), so ids cannot be probed.
 */
export async function readableCustomer(ctx: CustomersContext, id: string): Promise<Customer | null> {
  const customer = await findCustomer(ctx, id);
  await requireAccess(ctx, customer);
  return customer;
}

export type Target = { ok: true; customer: Customer } | { ok: false; userErrors: UserError[] };

/**
 * The customer a mutation changes: `id` when given (staff, or a customer naming themselves),
 * else the signed-in customer; followed through a merge. Someone else's id is FORBIDDEN; an
 * unknown id (staff) or an erased customer is a user error on `field`.
 */
export async function customerToChange(
  ctx: CustomersContext,
  id: string | null | undefined,
  field: readonly string[],
  options: { allowErased?: boolean } = {},
): Promise<Target> {
  if (id == null && !(await viewerCustomer(ctx))) {
    if (ctx.viewer.role === Role.CUSTOMER) return notFound(field);
    return { ok: false, userErrors: [new UserError(field, 'Name the customer', CustomersErrorCode.BLANK)] };
  }
  const customer = id == null ? await viewerCustomer(ctx) : await findCustomer(ctx, id);
  await requireAccess(ctx, customer);
  if (!customer) return notFound(field);
  if (customer.erasedAt && !options.allowErased) return { ok: false, userErrors: [erased(field)] };
  return { ok: true, customer };
}

/** The customer's data was erased, so nothing more is recorded for them. */
export const erased = (field: readonly string[] | null) =>
  new UserError(field, "This customer's personal data was erased; nothing more can be recorded for them", CustomersErrorCode.ERASED);

const notFound = (field: readonly string[]): Target => ({
  ok: false,
  userErrors: [new UserError(field, 'No such customer', CustomersErrorCode.NOT_FOUND)],
});
