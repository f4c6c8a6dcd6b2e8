import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requireCustomerAccess, STAFF_ROLES } from '#platform/auth';
import { SalesChannel } from '#platform/graphql';
import type { OrdersContext } from '../context';
import { bestSellers, frequentlyBoughtTogether, productSalesByChannel, recommendForCustomer, salesReport } from '../reports';
import { CustomerCarts } from '../types/references.types';
import {
  BestSeller,
  BestSellerMeasure,
  ChannelSales,
  ProductReference,
  SalesReportDimension,
  SalesReportFilter,
  SalesReportRow,
} from '../types/reports.types';

/** Sales reports and best sellers over the sales ledger: managers see every store, store staff their own. */
@Resolver()
export class ReportsResolver {
  @Authorized(STAFF_ROLES)
  @Query(() => [SalesReportRow], {
    description:
      "Sales in a period grouped by channel, store, staff, product, category and day, week or month (in the shop's time zone), at most 1000 groups. Managers see every store; store staff their own only.",
  })
  salesReport(
    @Ctx() ctx: OrdersContext,
    @Arg('from', () => Date, { description: 'Start of the period (inclusive).' }) from: Date,
    @Arg('to', () => Date, { description: 'End of the period (exclusive).' }) to: Date,
    @Arg('groupBy', () => [SalesReportDimension], { description: 'The dimensions to group by; none gives one row for the period.' })
    groupBy: SalesReportDimension[],
    @Arg('filter', () => SalesReportFilter, { nullable: true, description: 'Only these sales.' }) filter: SalesReportFilter | null,
  ): Promise<SalesReportRow[]> {
    return salesReport(ctx, { from, to, groupBy, filter });
  }

  @Authorized(STAFF_ROLES)
  @Query(() => [BestSeller], {
    description: 'The best-selling products in a period, net of cancellations and returns (staff: their own store).',
  })
  bestSellers(
    @Ctx() ctx: OrdersContext,
    @Arg('from', () => Date, { description: 'Start of the period (inclusive).' }) from: Date,
    @Arg('to', () => Date, { description: 'End of the period (exclusive).' }) to: Date,
    @Arg('channel', () => SalesChannel, { nullable: true, description: 'Only this channel.' }) channel: SalesChannel | null,
    @Arg('locationId', () => ID, { nullable: true, description: 'Only this store.' }) locationId: string | null,
    @Arg('by', () => BestSellerMeasure, { nullable: true, description: 'What ranks them; UNITS when omitted.' })
    by: BestSellerMeasure | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many (10 when omitted, at most 250).' }) first: number | null,
  ): Promise<BestSeller[]> {
    return bestSellers(ctx, { from, to, channel, locationId, by, first });
  }
}

/** What orders adds to a product: its sales by channel (staff) and what is bought with it (anyone). */
@Resolver(() => ProductReference)
export class ProductInsightsResolver {
  @Authorized(STAFF_ROLES)
  @FieldResolver(() => [ChannelSales], {
    nullable: true,
    description: 'Which channels sell this product best in a period, net sales first (staff: their own store).',
  })
  salesByChannel(
    @Root() product: ProductReference,
    @Ctx() ctx: OrdersContext,
    @Arg('from', () => Date, { description: 'Start of the period (inclusive).' }) from: Date,
    @Arg('to', () => Date, { description: 'End of the period (exclusive).' }) to: Date,
  ): Promise<ChannelSales[]> {
    return productSalesByChannel(ctx, product.id, from, to);
  }

  @FieldResolver(() => [ProductReference], {
    nullable: true,
    description:
      'Products often bought with this one, by lift (so best sellers do not top every list), seen together in at least 2 orders; only products for sale and in stock.',
  })
  frequentlyBoughtTogether(
    @Root() product: ProductReference,
    @Ctx() ctx: OrdersContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many (5 when omitted, at most 50).' }) first: number | null,
    @Arg('channel', () => SalesChannel, { nullable: true, description: 'Only products published on this channel.' })
    channel: SalesChannel | null,
  ): Promise<ProductReference[]> {
    return frequentlyBoughtTogether(ctx, product.id, first, channel);
  }
}

/** What orders recommends to a customer, from what they bought: for the customer themselves and staff. */
@Resolver(() => CustomerCarts)
export class CustomerRecommendationsResolver {
  @FieldResolver(() => [ProductReference], {
    nullable: true,
    description:
      'Products the customer may want next: often bought with what they bought and kept, and not yet theirs; best sellers of their favourite categories when purchases say too little. Only products for sale and in stock (the customer and staff).',
  })
  recommendations(
    @Root() customer: CustomerCarts,
    @Ctx() ctx: OrdersContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many (5 when omitted, at most 50).' }) first: number | null,
    @Arg('channel', () => SalesChannel, { nullable: true, description: 'Only products published on this channel.' })
    channel: SalesChannel | null,
  ): Promise<ProductReference[]> {
    requireCustomerAccess(ctx.viewer, customer.id);
    return recommendForCustomer(ctx, customer.id, first, channel);
  }
}
