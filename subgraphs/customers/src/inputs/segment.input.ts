import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { NotBlank } from '../../../platform/src';
import { SegmentRules } from '../types/segment-rules.type';

@InputType({ description: 'A new segment.' })
export class SegmentCreateInput {
  @Field(() => String, { description: 'Unique among segments.' })
  @NotBlank()
  @MaxLength(100)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => SegmentRules)
  rules!: SegmentRules;
}

@InputType({ description: 'Changes to a segment; a field left out stays as it is, and rules given replace all of them.' })
export class SegmentUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => SegmentRules, { nullable: true })
  rules?: SegmentRules | null;
}
