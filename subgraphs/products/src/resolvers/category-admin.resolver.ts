import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { MANAGER_ROLES } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import type { ProductsContext } from '../context';
import { CategoryCreateInput, CategoryUpdateInput } from '../inputs/category.input';
import { CategoryCreatePayload, CategoryUpdatePayload } from '../payloads';
import { createCategory, updateCategory } from '../services/category.service';

@Resolver()
export class CategoryAdminResolver {
  @Authorized(MANAGER_ROLES)
  @Mutation(() => CategoryCreatePayload, { description: 'Creates a category, at the root or below a parent.' })
  async categoryCreate(
    @Ctx() ctx: ProductsContext,
    @Arg('input', () => CategoryCreateInput, { description: 'The new category.' }) input: CategoryCreateInput,
  ) {
    return toPayload(await createCategory(ctx, input), (category) => ({ category }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => CategoryUpdatePayload, { description: 'Renames or moves a category.' })
  async categoryUpdate(
    @Ctx() ctx: ProductsContext,
    @Arg('id', () => ID, { description: 'The category to change.' }) id: string,
    @Arg('input', () => CategoryUpdateInput, { description: 'The fields to change.' }) input: CategoryUpdateInput,
  ) {
    return toPayload(await updateCategory(ctx, id, input), (category) => ({ category }));
  }
}
