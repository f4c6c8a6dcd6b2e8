import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DecimalScalar, SalesChannel } from '#platform/graphql';
import { ProductStatus } from '../entities';

export enum ProductSortKey {
  TITLE = 'TITLE',
  PRICE = 'PRICE',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  ID = 'ID',
  RELEVANCE = 'RELEVANCE',
}

registerEnumType(ProductSortKey, {
  name: 'ProductSortKey',
  description: 'PRICE sorts by the cheapest variant; RELEVANCE (the default with a query) by how well the text matches.',
  valuesConfig: {
    CREATED_AT: { description: 'By creation time, oldest first.' },
    ID: { description: 'By id (stable, for exports).' },
    PRICE: { description: 'By lowest variant price, cheapest first.' },
    RELEVANCE: { description: 'Best match to `query` first.' },
    TITLE: { description: 'By title, A to Z.' },
    UPDATED_AT: { description: 'By last change, oldest first.' },
  },
});

@InputType({ description: 'Narrows a product list; every given condition must hold.' })
export class ProductFilter {
  @Field(() => ID, { nullable: true, description: 'In this category or any category below it.' })
  categoryId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only products carrying this tag.' })
  tag?: string | null;

  @Field(() => SalesChannel, { nullable: true, description: 'Published to this channel.' })
  channel?: SalesChannel | null;

  @Field(() => ProductStatus, { nullable: true, description: 'Defaults to ACTIVE for shoppers.' })
  status?: ProductStatus | null;

  @Field(() => String, { nullable: true, description: 'Exact vendor name, case-insensitive.' })
  vendor?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Some variant costs at least this much.' })
  minPrice?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Some variant costs at most this much.' })
  maxPrice?: string | null;
}
