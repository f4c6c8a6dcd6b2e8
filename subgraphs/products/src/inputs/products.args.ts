import { MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '#platform/graphql';
import { ProductFilter, ProductSortKey } from './product-filter.input';

@ArgsType()
export class ProductsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Words to find in title, description, vendor, tags, SKU or barcode.' })
  @MaxLength(255)
  query?: string | null;

  @Field(() => ProductFilter, { nullable: true, description: 'Narrows the list: channel, status, price range, category, vendor, tag.' })
  filter?: ProductFilter | null;

  @Field(() => ProductSortKey, { nullable: true, description: 'Defaults to RELEVANCE with a query, TITLE without.' })
  sortKey?: ProductSortKey | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Reverse the order of `sortKey`.' })
  reverse?: boolean | null;
}
