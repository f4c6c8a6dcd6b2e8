import { randomBytes } from 'node:crypto';
import { type Role, signToken } from '#platform/auth';

/** The secret the benchmark's servers verify tokens with: fresh for each run; as text for a server in a process of its own (JWT_SECRET). */
export const BENCH_JWT_SECRET_TEXT = randomBytes(32).toString('hex');
export const BENCH_JWT_SECRET = new TextEncoder().encode(BENCH_JWT_SECRET_TEXT);

/** Headers for a request as a role: ADMIN for staff operations, SERVICE for internal commands. */
export async function benchHeaders(role: Role, claims: { locationId?: string } = {}): Promise<Record<string, string>> {
  const { token } = await signToken(
    { role, subject: `bench-${role.toLowerCase()}`, ...(claims.locationId ? { locationId: claims.locationId } : {}) },
    BENCH_JWT_SECRET,
    '2h',
  );
  return { 'content-type': 'application/json', authorization: `Bearer ${token}` };
}
