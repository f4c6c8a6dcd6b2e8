import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NotBlank } from '#platform/graphql';
import { HANDLE_MESSAGE, HANDLE_PATTERN, LIMITS } from './limits';

@InputType({ description: 'A new category; without a parent it is a root of the tree.' })
export class CategoryCreateInput {
  @Field(() => String, { description: 'The name shown to shoppers (required).' })
  @NotBlank()
  @MaxLength(LIMITS.name)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Derived from the name when omitted.' })
  @IsOptional()
  @MaxLength(LIMITS.handle)
  @Matches(HANDLE_PATTERN, { message: HANDLE_MESSAGE })
  handle?: string | null;

  @Field(() => String, { nullable: true, description: 'Plain-text description.' })
  @IsOptional()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The category to put it inside; top level when omitted.' })
  parentId?: string | null;
}

@InputType({ description: 'Changes to a category; parentId null moves it to the root.' })
export class CategoryUpdateInput {
  @Field(() => String, { nullable: true, description: 'A new name.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(LIMITS.name)
  name?: string;

  @Field(() => String, { nullable: true, description: 'A new URL handle: lower-case letters, digits and hyphens, unique.' })
  @IsOptional()
  @MaxLength(LIMITS.handle)
  @Matches(HANDLE_PATTERN, { message: HANDLE_MESSAGE })
  handle?: string;

  @Field(() => String, { nullable: true, description: 'A new description.' })
  @IsOptional()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Another parent (not itself or one of its own sub-categories); null moves it to the top level.',
  })
  parentId?: string | null;
}
