import { jwtVerify, SignJWT } from 'jose';
import { ANONYMOUS_VIEWER, Role, type Viewer } from './viewer';

/** Raised for a token that is malformed, forged, expired or names no known role. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

const ROLES = new Set<string>(Object.values(Role));

/**
 * The caller of a bearer token (HS256, shared secret). No token is the anonymous viewer; a
 * token that does not verify is refused, never treated as anonymous.
 */
export async function verifyBearer(authorization: string | null | undefined, secret: Uint8Array | null): Promise<Viewer> {
  if (!authorization) return ANONYMOUS_VIEWER;
  const token = authorization.replace(/^Bearer\s+/i, '');
  if (!secret) throw new InvalidTokenError('This server accepts no tokens yet');
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
    const role = String(payload.role ?? '');
    if (!ROLES.has(role)) throw new InvalidTokenError(`Unknown role "${role}"`);
    return {
      role: role as Role,
      subject: typeof payload.sub === 'string' ? payload.sub : null,
      locationId: typeof payload.locationId === 'string' ? payload.locationId : null,
      expiresAt: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null,
    };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    throw new InvalidTokenError(`Invalid token: ${(error as Error).message}`);
  }
}

/** Issues a bearer token (HS256) for a viewer; `expiresIn` like "1h" or "90d". */
export async function signToken(viewer: { role: Role; subject: string; locationId?: string | null }, secret: Uint8Array, expiresIn: string): Promise<{ token: string; expiresAt: Date }> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ role: viewer.role, ...(viewer.locationId ? { locationId: viewer.locationId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(viewer.subject)
    .setIssuedAt(now)
    .setExpirationTime(expiresIn)
    .sign(secret);
  const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp: number };
  return { token, expiresAt: new Date(exp * 1000) };
}
