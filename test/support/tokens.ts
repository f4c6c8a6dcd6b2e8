import { randomUUID } from 'node:crypto';
import { Role, signToken, TokenVerifier, type Viewer } from '#platform/auth';

/** The secret every test server signs and verifies tokens with, unless a test names its own. */
export const TEST_JWT_SECRET_TEXT = 'test-jwt-secret-0123456789abcdef0123456789';
export const TEST_JWT_SECRET = new TextEncoder().encode(TEST_JWT_SECRET_TEXT);

export type AuthHeaders = { authorization: string };

/** Headers carrying a fresh one-hour token for a role; staff and kiosks may name their store. */
export async function bearer(
  role: Role,
  claims: { subject?: string; locationId?: string | null } = {},
  secret = TEST_JWT_SECRET,
): Promise<AuthHeaders> {
  const { token } = await signToken({ role, subject: claims.subject ?? randomUUID(), locationId: claims.locationId ?? null }, secret, '1h');
  return { authorization: `Bearer ${token}` };
}

/** What another subgraph sends for internal commands (reserve stock, redeem a code…). */
export const asService = () => bearer(Role.SERVICE, { subject: 'service:test' });
export const asAdmin = () => bearer(Role.ADMIN);

/** Overrides a harness's default caller: the request goes out with no token at all. */
export const ANONYMOUS: AuthHeaders = { authorization: '' };

/** Reads a token the servers issued (with or without "Bearer "), as a subgraph would. */
export function verifyTestToken(token: string): Promise<Viewer> {
  return new TokenVerifier({ secret: TEST_JWT_SECRET }).verify(token);
}
