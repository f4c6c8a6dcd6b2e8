import { IsInt, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

/** The last version of a level a client has seen; live stock resumes after it. */
@InputType({ description: 'The last version of a stock level a client has seen.' })
export class StockCursorInput {
  @Field(() => String, { description: 'The SKU.' })
  sku!: string;

  @Field(() => ID, { description: 'The location (global id, or raw id during the deprecation period).' })
  locationId!: string;

  @Field(() => Int, { description: 'The last version seen of this SKU at this location.' })
  @IsInt()
  @Min(0)
  version!: number;
}
