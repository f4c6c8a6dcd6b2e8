import { randomBytes } from 'node:crypto';
import { type Role, signToken } from '#platform/auth';

/** The secret the benchmark's servers verify tokens with: fresh for each run. */
export const BENCH_JWT_SECRET = new Uint8Array(randomBytes(32));

/** Headers for a request as a role: ADMIN for staff operations, SERVICE for internal commands. */
export async function benchHeaders(role: Role, claims: { locationId?: string } = {}): Promise<Record<string, string>> {
  const { token } = await signToken(
    { role, subject: `bench-${role.toLowerCase()}`, ...(claims.locationId ? { locationId: claims.locationId } : {}) },
    BENCH_JWT_SECRET,
    '2h',
  );
  return { 'content-type': 'application/json', authorization: `Bearer ${token}` };
}
