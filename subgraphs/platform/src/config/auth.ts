import { str, url } from 'envalid';
import type { ExternalTokenSettings } from '../auth/token';
import { ConfigError } from './config';

/** The token and gateway settings the gateway and every subgraph read the same way. */
export const AUTH_SPECS = {
  JWT_SECRET: str({ default: '' }),
  GATEWAY_SECRET: str({ default: '' }),
  JWT_JWKS_URL: url({ default: undefined }),
  JWT_ISSUER: str({ default: '' }),
  JWT_AUDIENCE: str({ default: '' }),
  JWT_ROLE_CLAIM: str({ default: 'role' }),
  JWT_LOCATION_CLAIM: str({ default: 'locationId' }),
} as const;

export interface AuthConfig {
  jwtSecret: Uint8Array | null;
  gatewaySecret: string | null;
  externalTokens: ExternalTokenSettings | null;
}

/**
 * Reads the validated variables. In production both secrets are required: without the gateway
 * secret a subgraph would answer anyone who reaches it, and without the JWT secret no sign-in
 * or service call could work.
 */
export function authConfig(raw: Record<string, unknown>, nodeEnv: string): AuthConfig {
  const problems: string[] = [];
  const jwt = typeof raw.JWT_SECRET === 'string' ? raw.JWT_SECRET : '';
  const gateway = typeof raw.GATEWAY_SECRET === 'string' ? raw.GATEWAY_SECRET : '';
  if (nodeEnv === 'production') {
    if (jwt.length < 32) problems.push('  JWT_SECRET: production needs a secret of at least 32 characters');
    if (gateway.length < 32) problems.push('  GATEWAY_SECRET: production needs a secret of at least 32 characters');
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  const jwksUrl = raw.JWT_JWKS_URL as string | undefined;
  return {
    jwtSecret: jwt ? new TextEncoder().encode(jwt) : null,
    gatewaySecret: gateway || null,
    externalTokens: jwksUrl
      ? {
          jwksUrl,
          issuer: (raw.JWT_ISSUER as string) || null,
          audience: (raw.JWT_AUDIENCE as string) || null,
          roleClaim: raw.JWT_ROLE_CLAIM as string,
          locationClaim: raw.JWT_LOCATION_CLAIM as string,
        }
      : null,
  };
}
