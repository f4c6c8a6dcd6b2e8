import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, SalesChannel } from '#platform/graphql';
import { LocationReference } from './references.types';
import { StaffReference } from './pos.types';

/** What a sales report groups by. */
export enum SalesReportDimension {
  CHANNEL = 'CHANNEL',
  LOCATION = 'LOCATION',
  STAFF = 'STAFF',
  PRODUCT = 'PRODUCT',
  CATEGORY = 'CATEGORY',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

registerEnumType(SalesReportDimension, {
  name: 'SalesReportDimension',
  description: 'What a sales report groups by; at most one of DAY, WEEK and MONTH.',
  valuesConfig: {
    CHANNEL: { description: 'The sales channel.' },
    LOCATION: { description: 'The store the sale or return counts at (none for a shipped order).' },
    STAFF: { description: 'Who sold it at the till (none for an online order).' },
    PRODUCT: { description: 'The product (shipping counts under none).' },
    CATEGORY: { description: "The product's own category when it was sold." },
    DAY: { description: "The day in the shop's time zone (SHOP_TIMEZONE)." },
    WEEK: { description: "The ISO week (from Monday) in the shop's time zone." },
    MONTH: { description: "The calendar month in the shop's time zone." },
  },
});

/** Which measure ranks best sellers. */
export enum BestSellerMeasure {
  UNITS = 'UNITS',
  NET_SALES = 'NET_SALES',
}

registerEnumType(BestSellerMeasure, {
  name: 'BestSellerMeasure',
  description: 'What ranks best sellers; both are net of cancellations and returns.',
  valuesConfig: {
    UNITS: { description: 'Units sold.' },
    NET_SALES: { description: 'Net sales, without tax.' },
  },
});

@InputType({ description: 'Narrows a sales report; store staff always see their own store only.' })
export class SalesReportFilter {
  @Field(() => SalesChannel, { nullable: true, description: 'Only this channel.' })
  channel?: SalesChannel | null;

  @Field(() => ID, { nullable: true, description: 'Only this store.' })
  locationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only sales by this staff member.' })
  staffId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this product.' })
  productId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only products in this category or one below it.' })
  categoryId?: string | null;
}

/** Product as orders knows it: by id; the catalog resolves the rest, orders adds its sales and recommendations. */
@ObjectType('Product')
@Directive('@key(fields: "id")')
export class ProductReference {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Product/<key>`.' })
  id!: string;
}

/** Category as orders knows it: by id; the catalog resolves the rest. */
@ObjectType('Category')
@Directive('@key(fields: "id", resolvable: false)')
export class CategoryReference {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Category/<key>`.' })
  id!: string;
}

@ObjectType({
  description:
    'One group of a sales report. Only the dimensions grouped by are set. Net sales = gross sales − discounts − returns; total = net sales + taxes + shipping.',
})
export class SalesReportRow {
  @Field(() => SalesChannel, { nullable: true, description: 'The channel (grouped by CHANNEL).' })
  channel!: SalesChannel | null;

  @Field(() => LocationReference, { nullable: true, description: 'The store (grouped by LOCATION); null for shipped orders.' })
  location!: LocationReference | null;

  @Field(() => StaffReference, { nullable: true, description: 'Who sold it (grouped by STAFF); null for online orders.' })
  staff!: StaffReference | null;

  @Field(() => ProductReference, { nullable: true, description: 'The product (grouped by PRODUCT); null for shipping.' })
  product!: ProductReference | null;

  @Field(() => CategoryReference, { nullable: true, description: 'The category (grouped by CATEGORY).' })
  category!: CategoryReference | null;

  @Field(() => String, {
    nullable: true,
    description: 'The first day of the day, week or month, e.g. "2026-12-03", in the shop\'s time zone (grouped by DAY, WEEK or MONTH).',
  })
  period!: string | null;

  @Field(() => Money, { description: 'Unit price × quantity of what was sold, without tax.' })
  grossSales!: Money;

  @Field(() => Money, { description: 'What discounts took off the sales, without tax.' })
  discounts!: Money;

  @Field(() => Money, { description: 'What cancellations and returns took back, net of their discounts, without tax.' })
  returns!: Money;

  @Field(() => Money, { description: 'Gross sales − discounts − returns.' })
  netSales!: Money;

  @Field(() => Money, { description: 'Tax on the sales and shipping, less the tax given back.' })
  taxes!: Money;

  @Field(() => Money, { description: 'Shipping charged, without tax, less shipping given back.' })
  shipping!: Money;

  @Field(() => Money, { description: 'Net sales + taxes + shipping.' })
  total!: Money;

  @Field(() => Int, { description: 'Orders placed (counted where their sale counts).' })
  orders!: number;

  @Field(() => Int, { description: 'Units sold less units taken back.' })
  units!: number;

  @Field(() => Money, { nullable: true, description: 'Net sales ÷ orders; null without orders.' })
  averageOrderValue!: Money | null;
}

@ObjectType({ description: 'A product among the best sellers, net of cancellations and returns.' })
export class BestSeller {
  @Field(() => ProductReference, { description: 'The product.' })
  product!: ProductReference;

  @Field(() => Int, { description: 'Units sold less units taken back.' })
  units!: number;

  @Field(() => Money, { description: 'Net sales, without tax.' })
  netSales!: Money;

  @Field(() => Int, { description: 'Orders that bought it.' })
  orders!: number;
}

@ObjectType({ description: "A product's sales through one channel." })
export class ChannelSales {
  @Field(() => SalesChannel, { description: 'The channel.' })
  channel!: SalesChannel;

  @Field(() => Int, { description: 'Units sold less units taken back.' })
  units!: number;

  @Field(() => Money, { description: 'Net sales, without tax.' })
  netSales!: Money;

  @Field(() => Int, { description: 'Orders that bought it.' })
  orders!: number;
}
