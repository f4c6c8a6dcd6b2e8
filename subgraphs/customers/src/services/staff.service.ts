import { randomUUID } from 'node:crypto';
import { forbidden, Role } from '#platform/auth';
import { runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorCode, UserErrorsException, validateInput } from '#platform/graphql';
import { unknownEntityKeys } from '#platform/internal';
import { issueToken, TOKEN_LIFETIME } from '../auth/issue-token';
import { hashPassword } from '../auth/password';
import type { CustomersContext } from '../context';
import { StaffMember, StaffRole } from '../entities';
import type { StaffCreateInput } from '../inputs/staff-create.input';
import type { CustomerAccessToken } from '../types/customer-access-token.type';
import { normaliseEmail } from './rules/contact';
import { CustomersErrorCode } from './rules/error-codes';
import { passwordWeakness } from './rules/password-policy';

const emailTaken = () => new UserError(['input', 'email'], 'A staff member with this email already exists', UserErrorCode.TAKEN);

/**
 * Adds a staff member (managers and admins); their store, when given, must be a location
 * inventory knows. Only an admin creates an admin, so a manager cannot raise anyone above
 * themselves.
 */
export async function createStaffMember(ctx: CustomersContext, input: StaffCreateInput): Promise<MutationOutcome<StaffMember>> {
  if (input.role === StaffRole.ADMIN && ctx.viewer.role !== Role.ADMIN) throw forbidden('Only an admin may create an admin');
  const errors = await validateInput(input, ['input']);
  const email = normaliseEmail(input.email);
  if (!email) errors.push(new UserError(['input', 'email'], 'Email is not a valid address', UserErrorCode.INVALID));
  const weakness = passwordWeakness(input.password, email);
  if (weakness) errors.push(new UserError(['input', 'password'], weakness, CustomersErrorCode.WEAK_PASSWORD));
  if (input.locationId && !(await locationExists(ctx, input.locationId)))
    errors.push(unknownLocation(['input', 'locationId'], input.locationId));
  if (errors.length || !email) return { ok: false, userErrors: errors };

  const passwordHash = await hashPassword(input.password);
  return runMutation(
    ctx.em,
    async (em) => {
      if (await em.count(StaffMember, { email })) throw new UserErrorsException([emailTaken()]);
      const staff = Object.assign(new StaffMember(), {
        name: input.name.trim(),
        email,
        role: input.role,
        locationId: input.locationId ?? null,
        passwordHash,
      });
      await em.persistAndFlush(staff);
      return staff;
    },
    (constraint) => (constraint.includes('email') ? emailTaken() : undefined),
  );
}

/** A 90-day KIOSK token for a self-service terminal at a store; each token is a kiosk of its own. */
export async function createKioskToken(ctx: CustomersContext, locationId: string): Promise<MutationOutcome<CustomerAccessToken>> {
  if (!(await locationExists(ctx, locationId))) return { ok: false, userErrors: [unknownLocation(['locationId'], locationId)] };
  return { ok: true, value: await issueToken(ctx, { role: Role.KIOSK, subject: randomUUID(), locationId }, TOKEN_LIFETIME.kiosk) };
}

async function locationExists(ctx: CustomersContext, locationId: string): Promise<boolean> {
  const unknown = await unknownEntityKeys(ctx.settings.inventoryUrl, 'Location', 'id', [locationId], {
    headers: await ctx.serviceHeaders(),
  });
  return unknown.length === 0;
}

const unknownLocation = (field: string[], id: string) => new UserError(field, `No location with id "${id}"`, UserErrorCode.NOT_FOUND);
