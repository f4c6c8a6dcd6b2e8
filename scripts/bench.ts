/**
 * `npm run bench [-- suite…]`: benchmarks that print their figures. Each suite runs on a
 * scratch database (DATABASE_URL's server if set, else a throwaway embedded PostgreSQL).
 */
import { cpus, totalmem } from 'node:os';
import { adjustBench } from './bench/adjust.bench';
import { callsBench } from './bench/calls.bench';
import { cartBench } from './bench/cart.bench';
import { catalogBench } from './bench/catalog.bench';
import { edgeBench } from './bench/edge.bench';
import { gatewayBench } from './bench/gateway.bench';
import { checkoutBench } from './bench/checkout.bench';
import { liveBench } from './bench/live.bench';
import { overheadBench } from './bench/overhead.bench';
import { posBench } from './bench/pos.bench';
import { promotionsBench } from './bench/promotions.bench';
import { reservationsBench } from './bench/reservations.bench';
import { reportsBench } from './bench/reports.bench';
import { storefrontBench } from './bench/storefront.bench';
import { runMain } from './lib/main';
import { withScratchDatabase } from './lib/scratch-database';

const suites: Record<string, (databaseUrl: string) => Promise<void>> = {
  checkout: checkoutBench,
  catalog: catalogBench,
  reservations: reservationsBench,
  live: liveBench,
  promotions: promotionsBench,
  adjust: adjustBench,
  edge: edgeBench,
  gateway: gatewayBench,
  cart: cartBench,
  calls: callsBench,
  overhead: overheadBench,
  pos: posBench,
  reports: reportsBench,
  storefront: storefrontBench,
};

runMain(async () => {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !suites[n]);
  if (unknown.length) throw new Error(`Unknown bench suite(s) ${unknown.join(', ')}; choose from ${Object.keys(suites).join(', ')}`);
  console.log(
    `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  );
  for (const name of names.length ? names : Object.keys(suites)) {
    await withScratchDatabase((url) => suites[name](url));
  }
});
