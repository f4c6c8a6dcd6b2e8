import { Field, ObjectType } from 'type-graphql';
import { Money } from '#platform/graphql';

@ObjectType({ description: 'The cheapest and the dearest variant price of a product.' })
export class PriceRange {
  @Field(() => Money, { description: 'The lowest variant price.' })
  minVariantPrice!: Money;

  @Field(() => Money, { description: 'The highest variant price.' })
  maxVariantPrice!: Money;
}
