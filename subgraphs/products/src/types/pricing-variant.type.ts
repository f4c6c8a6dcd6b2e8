import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Money, SalesChannel } from '#platform/graphql';
import type { PricingVariant } from '../contract/commands';
import { ProductStatus, TaxClass } from '../entities';

/** The GraphQL shape of the contract's PricingVariant; `implements` keeps the two the same. */
@ObjectType('PricingVariant', { description: 'What pricing a cart line needs of one variant; for other subgraphs only.' })
@Directive('@inaccessible')
export class PricingVariantType implements PricingVariant {
  @Field(() => String)
  sku!: string;

  @Field(() => String, { nullable: true })
  barcode!: string | null;

  @Field(() => ID)
  variantId!: string;

  @Field(() => String)
  variantTitle!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => String)
  productTitle!: string;

  @Field(() => String)
  productHandle!: string;

  @Field(() => ProductStatus)
  productStatus!: ProductStatus;

  @Field(() => [SalesChannel], { description: 'The channels the product is published on.' })
  channels!: SalesChannel[];

  @Field(() => Boolean, { description: 'ACTIVE and, when a channel was named, published on it.' })
  sellable!: boolean;

  @Field(() => Money, { description: 'The unit price.' })
  price!: Money;

  @Field(() => Money, { nullable: true, description: 'The former price, shown struck through.' })
  compareAtPrice!: Money | null;

  @Field(() => [ID], { description: "The product's category, then each ancestor up to the root." })
  categoryIds!: string[];

  @Field(() => String, { nullable: true, description: "The product's first image." })
  imageUrl!: string | null;

  @Field(() => TaxClass)
  taxClass!: TaxClass;
}
