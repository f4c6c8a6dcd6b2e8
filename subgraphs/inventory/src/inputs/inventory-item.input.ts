import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { NotBlank } from '#platform/graphql';

@InputType({ description: 'Purchasing facts of a SKU; omitted fields stay as they are, a null supplier clears it.' })
export class InventoryItemUpdateInput {
  @Field(() => String, { description: 'The SKU to change.' })
  @NotBlank()
  @MaxLength(64)
  sku!: string;

  @Field(() => String, { nullable: true, description: 'Who the SKU is bought from; replenishment groups orders by it.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  supplier?: string | null;

  @Field(() => Int, { nullable: true, description: 'Units per case; replenishment orders whole cases. At least 1.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'caseSize must be at least 1' })
  @Max(100_000)
  caseSize?: number | null;
}
