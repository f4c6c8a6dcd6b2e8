import { GATEWAY_SECRET_HEADER } from './gateway-secret';
import { signToken } from './token';
import { Role } from './viewer';

const LIFETIME_SECONDS = 10 * 60;
/** A token is replaced this long before it expires, so a call in flight never carries a dead one. */
const RENEW_BEFORE_MS = 2 * 60_000;

/**
 * What a subgraph sends when it calls another one: the gateway secret (so it is let in) and a
 * short-lived SERVICE token naming the caller (so internal commands accept it). One token is
 * shared by all calls until it is close to expiry.
 */
export class ServiceCredentials {
  private current: Promise<{ token: string; expiresAt: Date }> | null = null;

  constructor(
    private readonly serviceName: string,
    private readonly jwtSecret: Uint8Array | null,
    private readonly gatewaySecret: string | null,
  ) {}

  async headers(): Promise<Record<string, string>> {
    const headers: Record<string, string> = this.gatewaySecret ? { [GATEWAY_SECRET_HEADER]: this.gatewaySecret } : {};
    if (!this.jwtSecret) return headers;
    let issued = this.current ? await this.current : null;
    if (!issued || issued.expiresAt.getTime() - Date.now() < RENEW_BEFORE_MS) {
      const next = signToken({ role: Role.SERVICE, subject: `service:${this.serviceName}` }, this.jwtSecret, `${LIFETIME_SECONDS}s`);
      this.current = next;
      next.catch(() => this.current === next && (this.current = null));
      issued = await next;
    }
    return { ...headers, authorization: `Bearer ${issued.token}` };
  }
}
