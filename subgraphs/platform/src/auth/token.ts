import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { ANONYMOUS_VIEWER, Role, type Viewer } from './viewer';
import { parseGlobalId } from '../ids/global-id';

/** Raised for a token that is malformed, forged, expired or names no known role. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** Tokens from an external identity provider, verified with the keys it publishes (RS256 or ES256). */
export interface ExternalTokenSettings {
  jwksUrl: string;
  /** Required `iss`, when set. */
  issuer?: string | null;
  /** Required `aud`, when set. */
  audience?: string | null;
  /** The claim holding the role (CUSTOMER, STAFF…); `role` unless the provider namespaces it. */
  roleClaim?: string;
  /** The claim holding a staff member's or kiosk's location; `locationId` by default. */
  locationClaim?: string;
}

export interface TokenVerifierOptions {
  /** HS256 secret: tokens this platform issues (sign-in, kiosks, service calls). */
  secret: Uint8Array | null;
  external?: ExternalTokenSettings | null;
  /** Whether SERVICE tokens are honoured; the gateway refuses them from clients. */
  allowService?: boolean;
  /** Verified tokens remembered, so a busy caller's signature is checked once, not per request. */
  cacheSize?: number;
}

const ROLES = new Set<string>(Object.values(Role));
const EXTERNAL_ALGORITHMS = ['RS256', 'ES256'];
/** Long enough to spare the crypto, short enough that a rotated-out signing key stops working soon. */
const CACHE_TTL_MS = 5 * 60_000;

/**
 * Turns an Authorization header into the caller. No header is the anonymous viewer; a token
 * that does not verify is refused, never treated as anonymous. HS256 tokens are checked with
 * the shared secret; RS256/ES256 tokens with the external provider's JWKS. A SERVICE role is
 * honoured only on HS256 tokens, which only this platform can sign.
 */
export class TokenVerifier {
  private readonly cache: LRUCache<string, Viewer>;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | null;

  constructor(private readonly options: TokenVerifierOptions) {
    this.cache = new LRUCache({ max: options.cacheSize ?? 10_000 });
    this.jwks = options.external ? createRemoteJWKSet(new URL(options.external.jwksUrl)) : null;
  }

  async verify(authorization: string | null | undefined): Promise<Viewer> {
    if (!authorization) return ANONYMOUS_VIEWER;
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    const cached = this.cache.get(token);
    if (cached) {
      if (!cached.expiresAt || cached.expiresAt.getTime() > Date.now()) return cached;
      this.cache.delete(token);
      throw new InvalidTokenError('Invalid token: "exp" claim timestamp check failed');
    }
    const viewer = await this.verifyUncached(token);
    const untilExpiry = viewer.expiresAt ? viewer.expiresAt.getTime() - Date.now() : CACHE_TTL_MS;
    this.cache.set(token, viewer, { ttl: Math.max(1, Math.min(CACHE_TTL_MS, untilExpiry)) });
    return viewer;
  }

  private async verifyUncached(token: string): Promise<Viewer> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new InvalidTokenError('Invalid token: not a JWT');
    }
    try {
      if (alg === 'HS256') {
        if (!this.options.secret) throw new InvalidTokenError('This server accepts no HS256 tokens');
        const { payload } = await jwtVerify(token, this.options.secret, { algorithms: ['HS256'] });
        return this.viewerOf(payload, 'role', 'locationId', true);
      }
      const external = this.options.external;
      if (!this.jwks || !external || !EXTERNAL_ALGORITHMS.includes(alg ?? '')) {
        throw new InvalidTokenError(`Invalid token: algorithm "${alg}" is not accepted here`);
      }
      const { payload } = await jwtVerify(token, this.jwks, {
        algorithms: EXTERNAL_ALGORITHMS,
        ...(external.issuer ? { issuer: external.issuer } : {}),
        ...(external.audience ? { audience: external.audience } : {}),
      });
      return this.viewerOf(payload, external.roleClaim ?? 'role', external.locationClaim ?? 'locationId', false);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError(`Invalid token: ${(error as Error).message}`);
    }
  }

  private viewerOf(payload: JWTPayload, roleClaim: string, locationClaim: string, ownIssuer: boolean): Viewer {
    const claim = payload[roleClaim];
    const role = typeof claim === 'string' ? claim : '';
    if (!ROLES.has(role) || role === Role.ANONYMOUS) throw new InvalidTokenError(`Unknown role "${role}"`);
    if (role === Role.SERVICE && (!ownIssuer || this.options.allowService === false)) {
      throw new InvalidTokenError('Service tokens are for calls between subgraphs only');
    }
    const location = payload[locationClaim];
    return {
      role: role as Role,
      subject: typeof payload.sub === 'string' ? databaseId(payload.sub) : null,
      locationId: typeof location === 'string' ? databaseId(location) : null,
      expiresAt: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null,
    };
  }
}

/** A token may name its subject and location by global id (as the API answers them) or by database id. */
function databaseId(id: string): string {
  return parseGlobalId(id)?.key ?? id;
}

/** Issues a bearer token (HS256) for a viewer; `expiresIn` like "1h" or "90d". */
export async function signToken(
  viewer: { role: Role; subject: string; locationId?: string | null },
  secret: Uint8Array,
  expiresIn: string,
): Promise<{ token: string; expiresAt: Date }> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ role: viewer.role, ...(viewer.locationId ? { locationId: databaseId(viewer.locationId) } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(databaseId(viewer.subject))
    .setIssuedAt(now)
    .setExpirationTime(expiresIn)
    .sign(secret);
  const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp: number };
  return { token, expiresAt: new Date(exp * 1000) };
}
