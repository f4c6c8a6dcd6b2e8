import { loadSubgraphConfig } from './common';
import { ConfigError } from './config';

describe('configuration', () => {
  const env = { DATABASE_URL: 'postgres://u:p@localhost:5432/db' };

  it('has a default for everything but the database, and lets one subgraph use its own', () => {
    expect(loadSubgraphConfig('products', 4001, env)).toMatchObject({
      port: 4001,
      host: '127.0.0.1',
      databaseUrl: env.DATABASE_URL,
      databasePoolMax: 10,
    });
    const own = loadSubgraphConfig('products', 4001, { ...env, PRODUCTS_PORT: '5001', PRODUCTS_DATABASE_URL: 'postgres://other/db' });
    expect(own).toMatchObject({ port: 5001, databaseUrl: 'postgres://other/db' });
  });

  it('names every bad value in one clear error', () => {
    const bad = () => loadSubgraphConfig('products', 4001, { PRODUCTS_PORT: 'http', DATABASE_POOL_MAX: '0', LOG_LEVEL: 'loud' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/PRODUCTS_PORT/);
    expect(bad).toThrow(/DATABASE_POOL_MAX: must be a positive integer/);
    expect(bad).toThrow(/LOG_LEVEL/);
    expect(bad).toThrow(/PRODUCTS_DATABASE_URL/);
  });

  it('refuses to run in production without both secrets, which guard every subgraph', () => {
    const production = { ...env, NODE_ENV: 'production' };
    expect(() => loadSubgraphConfig('products', 4001, production)).toThrow(/JWT_SECRET[\s\S]*GATEWAY_SECRET/);
    const strong = 'x'.repeat(32);
    expect(loadSubgraphConfig('products', 4001, { ...production, JWT_SECRET: strong, GATEWAY_SECRET: strong }).gatewaySecret).toBe(strong);
  });

  it('reads an external identity provider from JWT_JWKS_URL', () => {
    const config = loadSubgraphConfig('products', 4001, {
      ...env,
      JWT_JWKS_URL: 'https://id.example/jwks.json',
      JWT_ISSUER: 'https://id.example/',
      JWT_ROLE_CLAIM: 'https://shop/role',
    });
    expect(config.externalTokens).toEqual({
      jwksUrl: 'https://id.example/jwks.json',
      issuer: 'https://id.example/',
      audience: null,
      roleClaim: 'https://shop/role',
      locationClaim: 'locationId',
    });
    expect(() => loadSubgraphConfig('products', 4001, { ...env, JWT_JWKS_URL: 'not a url' })).toThrow(/JWT_JWKS_URL/);
  });
});
