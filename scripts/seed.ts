/**
 * `npm run seed`: the demo business, when the catalog is empty (with order history, when there are no orders).
 * `npm run seed -- --products 100000`: that many generated products on top, with progress.
 * `npm run seed -- --orders 5000`: that many orders of history on top, with progress.
 */
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { openDatabase } from '#platform/db';
import { generateCatalog } from '../subgraphs/products/src/seed/generate-catalog';
import { productsSubgraph } from '../subgraphs/products/src/subgraph';
import { loadScriptConfig } from './lib/database-config';
import { runMain } from './lib/main';
import { databaseUrlFor, migrateAll } from './lib/migrate-all';
import { seedDemoBusiness } from './lib/seed-demo';
import { seedOrderHistory } from './lib/seed-history';
import { openSharedDatabase } from './lib/shared-database';

runMain(async () => {
  const { values } = parseArgs({ options: { products: { type: 'string' }, orders: { type: 'string' } } });
  const count = wholeNumber('--products', values.products, 10_000_000);
  const orders = wholeNumber('--orders', values.orders, 1_000_000);
  const config = loadScriptConfig();
  const database = await openSharedDatabase(config, console.log);
  try {
    await migrateAll(database.url);
    if (orders !== null) {
      await seedDemoBusiness(database.url, config.currency, console.log);
      const bar = new SingleBar(
        { format: 'orders {bar} {percentage}% | {value}/{total} | {duration_formatted} elapsed | eta {eta_formatted}' },
        Presets.shades_classic,
      );
      const started = Date.now();
      bar.start(orders, 0);
      const history = await seedOrderHistory(database.url, config.currency, orders, {
        seed: Date.now() % 100_000,
        onProgress: (done) => bar.update(done),
      }).finally(() => bar.stop());
      const seconds = (Date.now() - started) / 1000;
      console.log(
        history
          ? `wrote ${history.orders} orders (${history.returns} with a return) for ${history.shoppers} shoppers in ${seconds.toFixed(1)}s (${Math.round(history.orders / seconds)} orders/s)`
          : 'nothing to sell or no stores: seed the catalog and stock first',
      );
      return;
    }
    if (count === null) {
      await seedDemoBusiness(database.url, config.currency, console.log, { orderHistory: config.demoOrderHistory });
      return;
    }
    const orm = await openDatabase({
      schema: productsSubgraph.name,
      clientUrl: databaseUrlFor(productsSubgraph.name, database.url),
      entities: [...productsSubgraph.entities],
      poolMax: 2,
    });
    const bar = new SingleBar(
      { format: 'products {bar} {percentage}% | {value}/{total} | {duration_formatted} elapsed | eta {eta_formatted}' },
      Presets.shades_classic,
    );
    const started = Date.now();
    try {
      bar.start(count, 0);
      const result = await generateCatalog(orm.em.fork(), count, { currency: config.currency, onProgress: (done) => bar.update(done) });
      bar.stop();
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `generated ${result.products} products and ${result.variants} variants in ${seconds.toFixed(1)}s (${Math.round(result.products / seconds)} products/s)`,
      );
    } finally {
      bar.stop();
      await orm.close();
    }
  } finally {
    await database.stop();
  }
});

/** A flag's whole number from 1 to `max`, or null when the flag is absent. */
function wholeNumber(flag: string, value: string | undefined, max: number): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1 && n <= max) return n;
  throw Object.assign(new Error(`${flag} must be a whole number from 1 to ${max}, got "${value}"`), { name: 'ConfigError' });
}
