/**
 * `npm start`: the whole system on one machine. Embedded PostgreSQL (unless DATABASE_URL is
 * set), migrations, the demo business on first run, then the gateway and the five subgraphs as
 * child processes: the subgraphs in one process (SUBGRAPH_LAYOUT=together, the default, a third
 * less CPU per checkout on one machine) or each in its own (apart, as the production image runs
 * them). Ctrl-C stops them in order and then the database, losing nothing.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { port, str } from 'envalid';
import { loadConfig } from '#platform/config';
import { loadScriptConfig } from './lib/database-config';
import { runMain } from './lib/main';
import { migrateAll } from './lib/migrate-all';
import { demoTokens } from './lib/demo-tokens';
import { seedDemoBusiness } from './lib/seed-demo';
import { openSharedDatabase } from './lib/shared-database';
import { subgraphs } from './lib/subgraphs';
import { Supervisor } from './lib/supervisor';
import { systemProcesses } from './lib/system-processes';

const log = (line: string) => console.log(line);

/** A secret (token signing, gateway), generated on first start and kept with the data. */
async function readOrCreateSecret(file: string): Promise<string> {
  const existing = await readFile(file, 'utf8').then(
    (s) => s.trim(),
    () => '',
  );
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

runMain(async () => {
  const config = loadScriptConfig();
  const ports = loadConfig(
    Object.fromEntries([
      ['GATEWAY_PORT', port({ default: 4000 })],
      ['HOST', str({ default: '127.0.0.1' })],
      ...subgraphs.map((s) => [`${s.name.toUpperCase()}_PORT`, port({ default: s.defaultPort })]),
    ]),
  ) as Record<string, number | string>;
  const host = String(ports.HOST);
  const local = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;

  const database = await openSharedDatabase(config, log);
  let shuttingDown: Promise<void> | null = null;
  // A crashed process is restarted with backoff (the supervisor logs it); the rest keeps serving.
  const supervisor = new Supervisor(log);
  const shutdown = (exitCode: number) => {
    shuttingDown ??= (async () => {
      log('stopping…');
      await supervisor.stopAll();
      await database.stop();
      log('stopped cleanly');
      process.exit(exitCode);
    })();
    return shuttingDown;
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    await migrateAll(database.url, log);
    // Seeding (or finding the demo business there already) runs while the processes start: a
    // subgraph reads what it serves per request, so one that is up before the seed is done just
    // answers from what is there so far; "ready" waits for both.
    const seeding = seedDemoBusiness(database.url, config.currency, log, { orderHistory: config.demoOrderHistory });

    const urls = Object.fromEntries(subgraphs.map((s) => [s.name, `http://${local}:${ports[`${s.name.toUpperCase()}_PORT`]}`]));
    // Every process learns every subgraph's URL: the gateway routes to them, and a subgraph
    // that asks another (inventory checks SKUs with products) finds it.
    const subgraphUrls = Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, `${urls[s.name]}/graphql`]));
    const jwtSecret = process.env.JWT_SECRET || (await readOrCreateSecret(join(config.dataDir, 'jwt-secret')));
    const gatewaySecret = process.env.GATEWAY_SECRET || (await readOrCreateSecret(join(config.dataDir, 'gateway-secret')));
    const baseEnv = {
      ...process.env,
      ...subgraphUrls,
      DATABASE_URL: database.url,
      HOST: host,
      SHOP_CURRENCY: config.currency,
      JWT_SECRET: jwtSecret,
      GATEWAY_SECRET: gatewaySecret,
    };
    const gatewayUrl = `http://${local}:${ports.GATEWAY_PORT}`;
    const portsByName = Object.fromEntries(
      ['gateway', ...subgraphs.map((s) => s.name)].map((name) => [name, Number(ports[`${name.toUpperCase()}_PORT`])]),
    );
    // All at once: the gateway plans from the committed supergraph, so it needs no subgraph to start; its readiness waits on theirs.
    await Promise.all([
      seeding,
      ...systemProcesses(config.subgraphLayout, baseEnv, portsByName, local).map((child) => supervisor.start(child)),
    ]);
    log('');
    log(`  Unified commerce API ready: ${gatewayUrl}/graphql`);
    log(`  Try:  curl -s ${gatewayUrl}/graphql -H 'content-type: application/json' \\`);
    log(`          -d '{"query":"{ products(first: 3) { nodes { title priceRange { minVariantPrice { amount currencyCode } } } } }"}'`);
    log('');
    log('  Demo tokens (send as "Authorization: Bearer <token>"; for subscriptions, connectionParams.authorization):');
    for (const { who, token } of await demoTokens(database.url, jwtSecret)) log(`    ${who}:\n      ${token}`);
    log(`  Kiosk board: ${gatewayUrl}/kiosk`);
    log('  Press Ctrl-C to stop.');
    log('');
  } catch (error) {
    log(`start failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
});
