import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '#platform/graphql';
import type { ProductsContext } from '../context';
import { Category } from '../entities';
import { findCategory } from '../services/catalog-lookup.service';
import { childrenOf, listCategories, parentOf, productsInCategory } from '../services/category-query.service';
import { CategoryConnection, ProductConnection } from '../types/connections';

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => Category, { nullable: true, description: 'A category by id or handle.' })
  category(
    @Ctx() ctx: ProductsContext,
    @Arg('id', () => ID, { nullable: true, description: "The category's id; give this or `handle`." }) id?: string,
    @Arg('handle', () => String, { nullable: true, description: "The category's URL handle; give this or `id`." }) handle?: string,
  ): Promise<Category | null> {
    return findCategory(ctx, { id, handle });
  }

  @Query(() => CategoryConnection, { description: 'Categories by name; with parentId, only its children (null: the roots).' })
  categories(
    @Ctx() ctx: ProductsContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('parentId', () => ID, {
      nullable: true,
      description: 'Only sub-categories of this category; `null` for top-level categories; all when omitted.',
    })
    parentId?: string | null,
  ) {
    return listCategories(ctx, { ...args, parentId });
  }

  @FieldResolver(() => Category, { nullable: true, description: 'The category this one is inside; null for a top-level category.' })
  parent(@Root() category: Category, @Ctx() ctx: ProductsContext): Promise<Category | null> {
    return parentOf(ctx, category);
  }

  @FieldResolver(() => [Category], { description: 'The categories directly below this one, by name.' })
  children(@Root() category: Category, @Ctx() ctx: ProductsContext): Promise<Category[]> {
    return childrenOf(ctx, category);
  }

  @FieldResolver(() => ProductConnection, { description: 'ACTIVE products here or in any category below, by title.' })
  products(@Root() category: Category, @Ctx() ctx: ProductsContext, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    return productsInCategory(ctx, category, args);
  }
}
