import { Field, ObjectType } from 'type-graphql';
import { Money } from '#platform/graphql';

@ObjectType({ description: 'The cheapest and the dearest variant price of a product.' })
export class PriceRange {
  @Field(() => Money)
  minVariantPrice!: Money;

  @Field(() => Money)
  maxVariantPrice!: Money;
}
