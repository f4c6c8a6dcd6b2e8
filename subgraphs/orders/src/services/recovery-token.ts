import { jwtVerify, SignJWT } from 'jose';

/** The audience of a recovery token: never accepted as an access token, and an access token is never one. */
const AUDIENCE = 'cart-recovery';
/** A link in a reminder stays good for a week. */
export const RECOVERY_TOKEN_TTL = '7d';

/** A signed token naming a cart, for a link that reopens it on any device. */
export async function signRecoveryToken(cartId: string, secret: Uint8Array): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(cartId)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(RECOVERY_TOKEN_TTL)
    .sign(secret);
}

/** The cart a recovery token names; null when it is forged, expired or not a recovery token. */
export async function cartOfRecoveryToken(token: string, secret: Uint8Array): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, secret, { audience: AUDIENCE, algorithms: ['HS256'] });
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
