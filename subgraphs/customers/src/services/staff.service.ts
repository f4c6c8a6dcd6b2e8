import { randomUUID } from 'node:crypto';
import { forbidden, Role } from '#platform/auth';
import { isUuid, runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { unknownEntityKeys } from '#platform/internal';
import { issueToken, TOKEN_LIFETIME } from '../auth/issue-token';
import { hashPassword } from '../auth/password';
import type { CustomersContext } from '../context';
import { StaffMember, StaffRole } from '../entities';
import { CustomersErrorCode } from '../errors';
import type { StaffCreateInput } from '../inputs/staff-create.input';
import { normaliseEmail } from '../rules/contact';
import { passwordWeakness } from '../rules/password-policy';
import type { CustomerAccessToken } from '../types/customer-access-token.type';

const emailTaken = () => new UserError(['input', 'email'], 'A staff member with this email already exists', CustomersErrorCode.TAKEN);

/**
 * Adds a staff member (managers and admins); their store, when given, must be a location
 * inventory knows, asked before the transaction opens. Only an admin creates an admin, so a
 * manager cannot raise anyone above themselves.
 */
export async function createStaffMember(ctx: CustomersContext, input: StaffCreateInput): Promise<MutationOutcome<StaffMember>> {
  if (input.role === StaffRole.ADMIN && ctx.viewer.role !== Role.ADMIN) throw forbidden('Only an admin may create an admin');
  const errors = await validateInput(input, ['input']);
  const email = normaliseEmail(input.email);
  if (!email) errors.push(new UserError(['input', 'email'], 'Email is not a valid address', CustomersErrorCode.INVALID));
  const weakness = passwordWeakness(input.password, email);
  if (weakness) errors.push(new UserError(['input', 'password'], weakness, CustomersErrorCode.WEAK_PASSWORD));
  if (input.locationId && !(await locationExists(ctx, input.locationId)))
    errors.push(unknownLocation(['input', 'locationId'], input.locationId));
  if (errors.length || !email) return { ok: false, userErrors: errors };

  // Hashing takes ~100 ms: done before the transaction so it holds no connection meanwhile.
  const passwordHash = await hashPassword(input.password);
  return runMutation(
    ctx,
    async (tx) => {
      if (await tx.em.count(StaffMember, { email })) throw new UserErrorsException([emailTaken()]);
      const staff = Object.assign(new StaffMember(), {
        name: input.name.trim(),
        email,
        role: input.role,
        locationId: input.locationId ?? null,
        passwordHash,
      });
      tx.em.persist(staff);
      await tx.em.flush();
      return staff;
    },
    { onUniqueViolation: (constraint) => (constraint.includes('email') ? emailTaken() : undefined) },
  );
}

/** A 90-day KIOSK token for a self-service terminal at a store; each token is a kiosk of its own. */
export async function createKioskToken(ctx: CustomersContext, locationId: string): Promise<MutationOutcome<CustomerAccessToken>> {
  if (!(await locationExists(ctx, locationId))) return { ok: false, userErrors: [unknownLocation(['locationId'], locationId)] };
  return { ok: true, value: await issueToken(ctx, { role: Role.KIOSK, subject: randomUUID(), locationId }, TOKEN_LIFETIME.kiosk) };
}

/** A staff member by id, for federation; null for anything that is not one's id. */
export function findStaffMember(ctx: CustomersContext, id: string): Promise<StaffMember | null> {
  return isUuid(id) ? ctx.loaders.staffById.load(id) : Promise.resolve(null);
}

/**
 * Whether inventory knows the location: one `_entities` call with this subgraph's service
 * credentials. Inventory unreachable is SUBGRAPH_UNAVAILABLE, so nothing is written.
 */
async function locationExists(ctx: CustomersContext, locationId: string): Promise<boolean> {
  const unknown = await unknownEntityKeys(ctx, ctx.settings.inventory, 'Location', 'id', [locationId]);
  return unknown.length === 0;
}

const unknownLocation = (field: string[], id: string) => new UserError(field, `No location with id "${id}"`, CustomersErrorCode.NOT_FOUND);
