import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { MANAGER_ROLES } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import type { CustomersContext } from '../context';
import { StaffAccessTokenCreateInput } from '../inputs/access-token-create.input';
import { StaffCreateInput } from '../inputs/staff-create.input';
import { KioskTokenCreatePayload, StaffAccessTokenCreatePayload, StaffCreatePayload } from '../payloads';
import { createStaffAccessToken } from '../services/sign-in.service';
import { createKioskToken, createStaffMember } from '../services/staff.service';

@Resolver()
export class StaffResolver {
  @Authorized(MANAGER_ROLES)
  @Mutation(() => StaffCreatePayload, { description: 'Adds a staff member (managers; only an admin adds an admin).' })
  async staffCreate(
    @Ctx() ctx: CustomersContext,
    @Arg('input', () => StaffCreateInput, { description: 'The new staff member.' }) input: StaffCreateInput,
  ) {
    return toPayload(await createStaffMember(ctx, input), (staffMember) => ({ staffMember }));
  }

  @Mutation(() => StaffAccessTokenCreatePayload, { description: 'Signs a staff member in: a 12-hour token with their role and store.' })
  async staffAccessTokenCreate(
    @Ctx() ctx: CustomersContext,
    @Arg('input', () => StaffAccessTokenCreateInput, { description: "The staff member's email and password." })
    input: StaffAccessTokenCreateInput,
  ) {
    return toPayload(await createStaffAccessToken(ctx, input), (accessToken) => ({ accessToken }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => KioskTokenCreatePayload, { description: 'A 90-day token for a self-service kiosk at a store (managers).' })
  async kioskTokenCreate(
    @Ctx() ctx: CustomersContext,
    @Arg('locationId', () => ID, { description: 'The store the kiosk stands in; the token sees only it.' }) locationId: string,
  ) {
    return toPayload(await createKioskToken(ctx, locationId), (accessToken) => ({ accessToken }));
  }
}
