import { randomUUID } from 'node:crypto';
import { ArrayType, BigIntType, Entity, Enum, Index, JsonType, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { SalesChannel } from '#platform/graphql';
import { Node } from '../types/node';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Category } from './category.entity';
import { ProductStatus, TaxClass } from './product-enums';
import { Image, ProductOption } from './product-values';

/** A thing the retailer sells; what is bought is one of its variants. */
@ObjectType({ description: 'A thing the retailer sells; what is bought is one of its variants.', implements: Node })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'product' })
@Index({
  name: 'product_search_text_trgm',
  expression: 'create index "product_search_text_trgm" on "products"."product" using gin ("search_text" gin_trgm_ops)',
})
@Index({ name: 'product_tags_gin', expression: 'create index "product_tags_gin" on "products"."product" using gin ("tags")' })
@Index({ properties: ['title', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['updatedAt', 'id'] })
@Index({ properties: ['minPriceAmount', 'id'] })
export class Product {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Product/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'URL-safe unique name, e.g. "trail-hardtail-29".' })
  @Property({ type: 'text' })
  @Unique()
  handle!: string;

  @Field(() => String, { description: 'The name shown to shoppers.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { description: 'Plain-text description shown on the product page; empty when none.' })
  @Property({ type: 'text', default: '' })
  description: string = '';

  @Field(() => String, { nullable: true, description: 'The brand or maker; null when not set.' })
  @Property({ type: 'text', nullable: true })
  vendor: string | null = null;

  @Field(() => String, { nullable: true, description: 'A free-form type for grouping (e.g. "Helmet"); null when not set.' })
  @Property({ type: 'text', nullable: true })
  productType: string | null = null;

  @Field(() => [String], { description: 'Free-form labels for search and merchandising.' })
  @Property({ type: ArrayType, default: '{}' })
  tags: string[] = [];

  @ManyToOne(() => Category, { mapToPk: true, nullable: true, fieldName: 'category_id', deleteRule: 'set null' })
  @Index()
  categoryId: string | null = null;

  @Field(() => ProductStatus, {
    description: 'DRAFT (staff only), ACTIVE (sellable) or ARCHIVED (no longer sold, still shown on past orders).',
  })
  @Enum({ items: () => ProductStatus, default: ProductStatus.DRAFT })
  status: ProductStatus = ProductStatus.DRAFT;

  @Field(() => TaxClass, { description: 'The tax rate class it is sold at; STANDARD unless staff say otherwise.' })
  @Enum({ items: () => TaxClass, default: TaxClass.STANDARD })
  taxClass: TaxClass = TaxClass.STANDARD;

  @Field(() => [SalesChannel], { description: 'The channels the product is published to.' })
  @Property({ type: ArrayType, default: '{}' })
  channels: SalesChannel[] = [];

  @Field(() => [ProductOption], { description: 'The options variants differ by (e.g. Size, Colour), with their values in display order.' })
  @Property({ type: JsonType, default: '[]' })
  options: ProductOption[] = [];

  @Field(() => [Image], { description: 'Images in display order; the first is the main image.' })
  @Property({ type: JsonType, default: '[]' })
  images: Image[] = [];

  /** Cheapest and dearest variant, kept with the variants so price sorts need no join. */
  @Property({ type: new BigIntType('number'), default: 0 })
  minPriceAmount = 0;

  @Property({ type: new BigIntType('number'), default: 0 })
  maxPriceAmount = 0;

  @Property({ type: 'text', length: 3 })
  currencyCode!: string;

  /** Lower-cased title, vendor, type, tags, SKUs, barcodes and description, for text search. */
  @Property({ type: 'text', default: '', lazy: true })
  searchText = '';

  @Field(() => Date, { description: 'When the product was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the product last changed.' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
