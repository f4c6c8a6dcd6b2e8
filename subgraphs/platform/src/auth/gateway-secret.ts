import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

/** The header the gateway (and a subgraph calling another) adds; clients never get to set it. */
export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';

/** Compares in constant time, whatever the lengths, so the comparison leaks nothing. */
export function secretMatches(given: string | undefined, expected: string): boolean {
  return digestMatches(given, digest(expected));
}

const digest = (value: string) => createHash('sha256').update(value).digest();

function digestMatches(given: string | undefined, expected: Buffer): boolean {
  return timingSafeEqual(digest(given ?? ''), expected) && given !== undefined;
}

/** The error a request without the gateway's secret gets. */
export const NOT_THROUGH_GATEWAY = { message: 'This service answers only through the gateway', extensions: { code: 'UNAUTHENTICATED' } };

/** Whether a request carrying `given` may in: always when no secret is set. The secret's digest is taken once. */
export function gatewaySecretCheck(secret: string | null | undefined): (given: string | undefined) => boolean {
  const expected = secret ? digest(secret) : null;
  return (given) => !expected || digestMatches(given, expected);
}

/**
 * Refuses GraphQL requests that did not come through the gateway: any gateway that can add a
 * static header (Apollo Router, Hive Gateway, Cosmo, ours) can front the subgraphs.
 */
export function requireGatewaySecret(secret: string | null | undefined): RequestHandler {
  const allowed = gatewaySecretCheck(secret);
  return (req, res, next) => {
    if (allowed(req.get(GATEWAY_SECRET_HEADER))) return next();
    res.status(401).json({ errors: [NOT_THROUGH_GATEWAY] });
  };
}
