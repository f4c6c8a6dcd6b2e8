import { IsInt, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

/** The last version of a level a client has seen; live stock resumes after it. */
@InputType({ description: 'The last version of a stock level a client has seen.' })
export class StockCursorInput {
  @Field(() => String)
  sku!: string;

  @Field(() => ID)
  locationId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  version!: number;
}
