import { Field, ObjectType } from 'type-graphql';

/** An option a product varies by, e.g. Size with S, M, L. */
@ObjectType({ description: 'An option a product varies by, e.g. Size with S, M, L.' })
export class ProductOption {
  @Field(() => String)
  name!: string;

  @Field(() => [String])
  values!: string[];
}

/** The value a variant has for one option, e.g. Size: M. */
@ObjectType({ description: 'The value a variant has for one option, e.g. Size: M.' })
export class SelectedOption {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType({ description: 'A product image.' })
export class Image {
  @Field(() => String)
  url!: string;

  @Field(() => String, { nullable: true })
  altText?: string | null;
}
