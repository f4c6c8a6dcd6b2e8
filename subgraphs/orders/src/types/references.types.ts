import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** ProductVariant as the cart knows it: by SKU; the catalog resolves the rest. */
@ObjectType('ProductVariant')
@Directive('@key(fields: "sku", resolvable: false)')
export class VariantReference {
  @Field(() => String)
  sku!: string;
}

/** Location as the cart knows it: by id; inventory resolves the rest. */
@ObjectType('Location')
@Directive('@key(fields: "id", resolvable: false)')
export class LocationReference {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Location/<key>`.' })
  id!: string;
}

/** Customer as orders knows it: the key, and the cart that follows them. */
@ObjectType('Customer')
@Directive('@key(fields: "id")')
export class CustomerCarts {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Customer/<key>`.' })
  id!: string;
}
