import { ArrayMaxSize, ArrayNotEmpty, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Directive, Field, ID, InputType } from 'type-graphql';
import { NotBlank, SalesChannel } from '#platform/graphql';
import { StockLineInput } from './stock-line.input';

@InputType({ description: 'Units a customer brought back, put on hand at the store that took them, under an idempotency key.' })
@Directive('@inaccessible')
export class InventoryReturnRecordInput {
  @Field(() => String, { description: 'Makes a retry safe: the same key and input answer the first result.' })
  @NotBlank()
  @MaxLength(200)
  idempotencyKey!: string;

  @Field(() => ID, { description: 'The location the units are back at.' })
  locationId!: string;

  @Field(() => SalesChannel, { description: 'The channel of the return, recorded on the ledger rows.' })
  channel!: SalesChannel;

  @Field(() => [StockLineInput], { description: 'The units back, one line per SKU.' })
  @ArrayNotEmpty({ message: 'return at least one line' })
  @ArrayMaxSize(250)
  @ValidateNested({ each: true })
  lines!: StockLineInput[];

  @Field(() => String, { nullable: true, description: 'What caused it, e.g. the return id.' })
  @IsOptional()
  @MaxLength(200)
  reference?: string | null;
}
