import { ArgsType, Field, ID } from 'type-graphql';
import { StockCursorInput } from './stock-cursor.input';

/** What a `stockChanged` subscriber follows, and where it resumes. */
@ArgsType()
export class StockChangedArgs {
  @Field(() => [String], { nullable: true, description: 'Only these SKUs (at most 250); all when omitted.' })
  skus?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Only these locations (at most 250); all when omitted. A kiosk token is held to its own location.',
  })
  locationIds?: string[] | null;

  @Field(() => [StockCursorInput], {
    nullable: true,
    description: 'The last version seen per SKU and location, to resume after a dropped connection: missed changes are replayed.',
  })
  since?: StockCursorInput[] | null;
}
