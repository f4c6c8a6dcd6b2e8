/**
 * Best sellers and a product's sales by channel, from the ledger, net of cancellations and
 * returns (their negative rows are summed in). Products only: shipping rows have none.
 */
import DataLoader from 'dataloader';
import { sql } from '#platform/db';
import { Money, type SalesChannel } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { OrdersContext } from '../context';
import { BestSellerMeasure, type BestSeller, type ChannelSales } from '../types/reports.types';
import { ledgerWhere } from './sales-report';

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
  net: string;
  orders: string;
}

const SUMS = `coalesce(sum(quantity), 0) as units, coalesce(sum(net_minor), 0) as net,
  count(distinct order_id) filter (where kind = 'SALE') as orders`;

export async function bestSellers(ctx: OrdersContext, args: BestSellersArgs): Promise<BestSeller[]> {
  const first = Math.min(Math.max(args.first ?? DEFAULT_FIRST, 0), MAX_FIRST);
  const { where, params } = ledgerWhere(ctx, args.from, args.to, { channel: args.channel, locationId: args.locationId });
  const rank = args.by === BestSellerMeasure.NET_SALES ? 'net desc, units desc' : 'units desc, net desc';
  const rows = await sql<ProductSums>(
    ctx.em,
    `select product_id, ${SUMS} from "${SCHEMA}"."sales_ledger_row"
     where ${where} and product_id is not null
     group by product_id having sum(quantity) > 0
     order by ${rank}, product_id limit ?`,
    [...params, first],
  );
  return rows.map((row) => ({
    product: { id: row.product_id },
    units: Number(row.units),
    netSales: Money.fromMinor(BigInt(row.net), ctx.currencyCode),
    orders: Number(row.orders),
  }));
}

/** Per request and period: every product asked for in one statement (a list of products makes one query). */
const loaders = new WeakMap<OrdersContext, Map<string, DataLoader<string, ChannelSales[]>>>();

/** Which channels sell `productId` best in the period: net sales first. */
export function productSalesByChannel(ctx: OrdersContext, productId: string, from: Date, to: Date): Promise<ChannelSales[]> {
  const { where, params } = ledgerWhere(ctx, from, to, null);
  const byPeriod = loaders.get(ctx) ?? new Map<string, DataLoader<string, ChannelSales[]>>();
  loaders.set(ctx, byPeriod);
  const key = `${from.toISOString()}|${to.toISOString()}`;
  let loader = byPeriod.get(key);
  if (!loader) {
    loader = new DataLoader<string, ChannelSales[]>(async (ids) => {
      const rows = await sql<ProductSums>(
        ctx.em,
        `select product_id, channel, ${SUMS} from "${SCHEMA}"."sales_ledger_row"
         where ${where} and product_id = any(?)
         group by product_id, channel order by net desc, units desc, channel`,
        [...params, [...ids]],
      );
      return ids.map((id) =>
        rows
          .filter((row) => row.product_id === id)
          .map((row) => ({
            channel: row.channel as SalesChannel,
            units: Number(row.units),
            netSales: Money.fromMinor(BigInt(row.net), ctx.currencyCode),
            orders: Number(row.orders),
          })),
      );
    });
    byPeriod.set(key, loader);
  }
  return loader.load(productId);
}
