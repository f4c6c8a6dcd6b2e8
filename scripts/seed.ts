/**
 * `npm run seed`: the demo business, when the catalog is empty.
 * `npm run seed -- --products 100000`: that many generated products on top, with progress.
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
import { openSharedDatabase } from './lib/shared-database';

runMain(async () => {
  const { values } = parseArgs({ options: { products: { type: 'string' } } });
  const count = values.products === undefined ? null : Number(values.products);
  if (count !== null && (!Number.isInteger(count) || count < 1 || count > 10_000_000)) {
    throw Object.assign(new Error(`--products must be a whole number from 1 to 10000000, got "${values.products}"`), {
      name: 'ConfigError',
    });
  }
  const config = loadScriptConfig();
  const database = await openSharedDatabase(config, console.log);
  try {
    await migrateAll(database.url);
    if (count === null) {
      await seedDemoBusiness(database.url, config.currency);
      return;
    }
    const orm = await openDatabase({
      schema: productsSubgraph.name,
      clientUrl: databaseUrlFor(productsSubgraph.name, database.url),
      entities: [...productsSubgraph.entities],
      migrations: [...productsSubgraph.migrations],
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
