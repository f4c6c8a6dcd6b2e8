import { setTimeout as sleep } from 'node:timers/promises';
import { SignJWT } from 'jose';
import { ServiceCredentials } from './service-credentials';
import { InvalidTokenError, signToken, TokenVerifier } from './token';
import { Role } from './viewer';

const secret = new TextEncoder().encode('token-spec-secret-0123456789abcdef');

describe('TokenVerifier', () => {
  it('checks a token once and answers repeats from its cache, until the token expires', async () => {
    const verifier = new TokenVerifier({ secret });
    const { token } = await signToken({ role: Role.STAFF, subject: 'staff-1', locationId: 'store-1' }, secret, '2s');
    const first = await verifier.verify(`Bearer ${token}`);
    expect(first).toMatchObject({ role: Role.STAFF, subject: 'staff-1', locationId: 'store-1' });
    // The same object again: the signature was not checked a second time.
    expect(await verifier.verify(`Bearer ${token}`)).toBe(first);
    await sleep(2_100);
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toThrow(InvalidTokenError);
  });

  it('treats no header as anonymous but never a bad token', async () => {
    const verifier = new TokenVerifier({ secret });
    expect((await verifier.verify(undefined)).role).toBe(Role.ANONYMOUS);
    await expect(verifier.verify('Bearer not.a.jwt')).rejects.toThrow(InvalidTokenError);
    const anonymousClaim = await new SignJWT({ role: Role.ANONYMOUS })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(secret);
    await expect(verifier.verify(anonymousClaim)).rejects.toThrow(/Unknown role/);
  });

  it('refuses HS256 tokens when it has no secret, and service tokens when told to', async () => {
    const { token } = await signToken({ role: Role.SERVICE, subject: 'service:orders' }, secret, '1h');
    await expect(new TokenVerifier({ secret: null }).verify(token)).rejects.toThrow(InvalidTokenError);
    await expect(new TokenVerifier({ secret, allowService: false }).verify(token)).rejects.toThrow(/between subgraphs/);
    expect((await new TokenVerifier({ secret }).verify(token)).role).toBe(Role.SERVICE);
  });
});

describe('ServiceCredentials', () => {
  it('sends the gateway secret and one reused SERVICE token naming the caller', async () => {
    const credentials = new ServiceCredentials('orders', secret, 'gateway-secret');
    const first = await credentials.headers();
    expect(first['x-gateway-secret']).toBe('gateway-secret');
    const viewer = await new TokenVerifier({ secret }).verify(first.authorization);
    expect(viewer).toMatchObject({ role: Role.SERVICE, subject: 'service:orders' });
    expect((await credentials.headers()).authorization).toBe(first.authorization);
  });

  it('sends no token without a secret to sign it with', async () => {
    expect(await new ServiceCredentials('orders', null, null).headers()).toEqual({});
  });
});
