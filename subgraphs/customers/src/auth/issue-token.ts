import { signToken, type Role } from '#platform/auth';
import type { CustomersContext } from '../context';
import type { CustomerAccessToken } from '../types/customer-access-token.type';

/** How long each kind of token lives: customers stay signed in, tills re-authenticate each shift. */
export const TOKEN_LIFETIME = { customer: '30d', staff: '12h', kiosk: '90d' } as const;

/** Signs a token with the subgraph's secret; without one, no sign-in is possible (a deployment error). */
export function issueToken(
  ctx: CustomersContext,
  viewer: { role: Role; subject: string; locationId?: string | null },
  expiresIn: string,
): Promise<CustomerAccessToken> {
  if (!ctx.settings.jwtSecret) throw new Error('JWT_SECRET is not configured; this server cannot issue tokens');
  return signToken(viewer, ctx.settings.jwtSecret, expiresIn);
}
