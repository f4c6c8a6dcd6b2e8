import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NotBlank } from '#platform/graphql';
import { HANDLE_MESSAGE, HANDLE_PATTERN, LIMITS } from './limits';

@InputType({ description: 'A new category; without a parent it is a root of the tree.' })
export class CategoryCreateInput {
  @Field(() => String)
  @NotBlank()
  @MaxLength(LIMITS.name)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Derived from the name when omitted.' })
  @IsOptional()
  @MaxLength(LIMITS.handle)
  @Matches(HANDLE_PATTERN, { message: HANDLE_MESSAGE })
  handle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;
}

@InputType({ description: 'Changes to a category; parentId null moves it to the root.' })
export class CategoryUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @NotBlank()
  @MaxLength(LIMITS.name)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LIMITS.handle)
  @Matches(HANDLE_PATTERN, { message: HANDLE_MESSAGE })
  handle?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;
}
