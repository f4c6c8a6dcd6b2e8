/**
 * Best sellers and a product's sales by channel, from the ledger, net of cancellations and
 * returns (their negative rows are summed in). Products only: shipping rows have none.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { sql } from '#platform/db';
import { Money, type SalesChannel } from '#platform/graphql';
import type { OrdersContext } from '../context';
import { BestSellerMeasure, type BestSeller, type ChannelSales } from '../types/reports.types';
import { checkPeriod, ledgerWhere, salesScope, type ReportContext, type SalesScope } from './report-scope';
import { LEDGER_TABLE, readSales, sumOver } from './rollup';

export interface BestSellersArgs {
  from: Date;
  to: Date;
  channel?: SalesChannel | null;
  locationId?: string | null;
  by?: BestSellerMeasure | null;
  first?: number | null;
}

const DEFAULT_FIRST = 10;
const MAX_FIRST = 250;

interface ProductSums {
  product_id: string;
  channel?: string;
  units: string;
  net_minor: string;
  orders: string;
}

const SUMS = `coalesce(sum(quantity), 0) as units, coalesce(sum(net_minor), 0) as net_minor,
  count(distinct order_id) filter (where kind = 'SALE') as orders`;

/** Best sellers through the rollup (its rows per product and day), with the ledger's rows not folded yet; the same as from the ledger alone. */
export async function bestSellers(ctx: ReportContext, args: BestSellersArgs): Promise<BestSeller[]> {
  const { first, rank, scope } = bestSellersQuery(ctx, args);
  const rows = await readSales(ctx, args, scope, 'product', (em, source) => {
    if (!source) return rankFromLedger(em, args, scope, rank, first);
    const { text, params } = sumOver(source, [{ expression: 'product_id', name: 'product_id' }], {
      where: 'product_id is not null',
      tail: `having sum(units) > 0 order by ${rank}, product_id limit ?`,
    });
    return sql<ProductSums>(em, text, [...params, first]);
  });
  return rows.map((row) => bestSeller(ctx, row));
}

/** Best sellers from the ledger's rows alone: the figures the rollup's must equal. */
export async function bestSellersFromLedger(ctx: ReportContext, args: BestSellersArgs): Promise<BestSeller[]> {
  const { first, rank, scope } = bestSellersQuery(ctx, args);
  return (await rankFromLedger(ctx.em, args, scope, rank, first)).map((row) => bestSeller(ctx, row));
}

function bestSellersQuery(ctx: ReportContext, args: BestSellersArgs) {
  checkPeriod(args.from, args.to);
  return {
    first: Math.min(Math.max(args.first ?? DEFAULT_FIRST, 0), MAX_FIRST),
    rank: args.by === BestSellerMeasure.NET_SALES ? 'net_minor desc, units desc' : 'units desc, net_minor desc',
    scope: salesScope(ctx.viewer, { channel: args.channel, locationId: args.locationId }),
  };
}

function rankFromLedger(em: EntityManager, period: { from: Date; to: Date }, scope: SalesScope, rank: string, first: number) {
  const { where, params } = ledgerWhere(period, scope);
  return sql<ProductSums>(
    em,
    `select product_id, ${SUMS} from ${LEDGER_TABLE} where ${where} and product_id is not null
     group by product_id having sum(quantity) > 0
     order by ${rank}, product_id limit ?`,
    [...params, first],
  );
}

const bestSeller = (ctx: ReportContext, row: ProductSums): BestSeller => ({
  product: { id: row.product_id },
  units: Number(row.units),
  netSales: Money.fromMinor(BigInt(row.net_minor), ctx.currencyCode),
  orders: Number(row.orders),
});

/** Per request and period: every product asked for in one statement (a list of products makes one query). */
const loaders = new WeakMap<OrdersContext, Map<string, DataLoader<string, ChannelSales[]>>>();

/** Which channels sell `productId` best in the period: net sales first. */
export function productSalesByChannel(ctx: OrdersContext, productId: string, from: Date, to: Date): Promise<ChannelSales[]> {
  checkPeriod(from, to);
  const { where, params } = ledgerWhere({ from, to }, salesScope(ctx.viewer, null));
  const byPeriod = loaders.get(ctx) ?? new Map<string, DataLoader<string, ChannelSales[]>>();
  loaders.set(ctx, byPeriod);
  const key = `${from.toISOString()}|${to.toISOString()}`;
  let loader = byPeriod.get(key);
  if (!loader) {
    loader = new DataLoader<string, ChannelSales[]>(async (ids) => {
      const rows = await sql<ProductSums>(
        ctx.em,
        `select product_id, channel, ${SUMS} from ${LEDGER_TABLE}
         where ${where} and product_id = any(?)
         group by product_id, channel order by net_minor desc, units desc, channel`,
        [...params, [...ids]],
      );
      return ids.map((id) =>
        rows
          .filter((row) => row.product_id === id)
          .map((row) => ({
            channel: row.channel as SalesChannel,
            units: Number(row.units),
            netSales: Money.fromMinor(BigInt(row.net_minor), ctx.currencyCode),
            orders: Number(row.orders),
          })),
      );
    });
    byPeriod.set(key, loader);
  }
  return loader.load(productId);
}
