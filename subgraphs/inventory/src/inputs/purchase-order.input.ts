import { ArrayMaxSize, ArrayNotEmpty, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NotBlank } from '#platform/graphql';
import { StockLineInput } from './stock-line.input';
import { MAX_DOCUMENT_LINES } from '../rules/stock-document';

@InputType({ description: 'A new purchase order from a supplier into one location, created as a draft.' })
export class PurchaseOrderCreateInput {
  @Field(() => String, { description: 'Who the goods are bought from (required).' })
  @NotBlank()
  @MaxLength(200)
  supplier!: string;

  @Field(() => ID, { description: 'The location the goods are delivered to.' })
  locationId!: string;

  @Field(() => [StockLineInput], { description: `One line per SKU, at most ${MAX_DOCUMENT_LINES}.` })
  @ArrayNotEmpty({ message: 'order at least one line' })
  @ArrayMaxSize(MAX_DOCUMENT_LINES)
  @ValidateNested({ each: true })
  lines!: StockLineInput[];

  @Field(() => Date, { nullable: true, description: 'When the supplier promised delivery.' })
  expectedAt?: Date | null;
}
