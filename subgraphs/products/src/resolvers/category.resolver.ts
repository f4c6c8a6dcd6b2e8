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
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('handle', () => String, { nullable: true }) handle?: string,
  ): Promise<Category | null> {
    return findCategory(ctx, { id, handle });
  }

  @Query(() => CategoryConnection, { description: 'Categories by name; with parentId, only its children (null: the roots).' })
  categories(
    @Ctx() ctx: ProductsContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('parentId', () => ID, { nullable: true }) parentId?: string | null,
  ) {
    return listCategories(ctx, { ...args, parentId });
  }

  @FieldResolver(() => Category, { nullable: true })
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
