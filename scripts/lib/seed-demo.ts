import { openDatabase } from '../../subgraphs/platform/src';
import { seedDemoCatalog } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { productsSubgraph } from '../../subgraphs/products/src/subgraph';
import { databaseUrlFor } from './migrate-all';
import type { CurrencyCode } from '../../subgraphs/platform/src';

/** Seeds the demo business into every subgraph that is still empty. */
export async function seedDemoBusiness(sharedUrl: string, currency: CurrencyCode, log: (line: string) => void = console.log): Promise<void> {
  const orm = await openDatabase({
    schema: productsSubgraph.name,
    clientUrl: databaseUrlFor(productsSubgraph.name, sharedUrl),
    entities: [...productsSubgraph.entities],
    migrations: [...productsSubgraph.migrations],
    poolMax: 2,
  });
  try {
    const counts = await seedDemoCatalog(orm.em.fork(), currency);
    log(
      counts
        ? `products: seeded ${counts.categories} categories, ${counts.products} products, ${counts.variants} variants`
        : 'products: catalog already has products; demo catalog not seeded',
    );
  } finally {
    await orm.close();
  }
}
