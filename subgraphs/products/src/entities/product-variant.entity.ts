import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Index, JsonType, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../types/node';
import { Product } from './product.entity';
import { SelectedOption } from './product-values';

/** A sellable version of a product (a size, a colour), identified by its SKU everywhere. */
@ObjectType({ description: 'A sellable version of a product, identified by its SKU on every channel.', implements: Node })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "sku")')
@Entity({ tableName: 'product_variant' })
@Index({ properties: ['productId', 'position'] })
@Index({ properties: ['productId', 'priceAmount'] })
export class ProductVariant {
  @Field(() => ID, { description: 'Global id, `gid://commerce/ProductVariant/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Product, { mapToPk: true, fieldName: 'product_id', deleteRule: 'cascade' })
  productId!: string;

  @Field(() => String, { description: 'Stock keeping unit, unique across the catalog.' })
  @Property({ type: 'text' })
  @Unique()
  sku!: string;

  @Field(() => String, { nullable: true, description: 'EAN, UPC or ISBN, unique when present.' })
  @Property({ type: 'text', nullable: true })
  @Unique()
  barcode: string | null = null;

  @Field(() => String, {
    description: 'The variant\'s option values joined, e.g. "M / Black"; "Default Title" for a product without options.',
  })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => [SelectedOption], { description: 'The option values that make this variant, one per product option.' })
  @Property({ type: JsonType, default: '[]' })
  selectedOptions: SelectedOption[] = [];

  @Property({ type: new BigIntType('number') })
  priceAmount!: number;

  @Property({ type: new BigIntType('number'), nullable: true })
  compareAtAmount: number | null = null;

  @Property({ type: 'text', length: 3 })
  currencyCode!: string;

  @Field(() => Int, { description: 'Order of the variant within its product.' })
  @Property({ type: 'integer', default: 0 })
  position = 0;

  @Field(() => Date, { description: 'When the variant was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the variant last changed.' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
