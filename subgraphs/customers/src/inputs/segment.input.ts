import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { NotBlank } from '#platform/graphql';
import { SegmentRules } from '../types/segment-rules.type';

@InputType({ description: 'A new segment.' })
export class SegmentCreateInput {
  @Field(() => String, { description: 'Unique among segments.' })
  @NotBlank()
  @MaxLength(100)
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the segment is for.' })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => SegmentRules, { description: 'All must hold for a customer to be a member.' })
  rules!: SegmentRules;
}

@InputType({ description: 'Changes to a segment; a field left out stays as it is, and rules given replace all of them.' })
export class SegmentUpdateInput {
  @Field(() => String, { nullable: true, description: 'A new name, unique among segments.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'A new description; null clears it.' })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => SegmentRules, { nullable: true, description: 'Replaces all the rules.' })
  rules?: SegmentRules | null;
}
