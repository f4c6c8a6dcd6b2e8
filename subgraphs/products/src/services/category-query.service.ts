import { keysetAfter, pageRequest, readOrder, rowsAfter, toConnection, type ConnectionArgs, type ConnectionShape } from '#platform/graphql';
import type { ProductsContext } from '../context';
import { Category, type Product } from '../entities';

/** All categories, by name; or the children of one category. */
export async function listCategories(
  ctx: ProductsContext,
  args: ConnectionArgs & { parentId?: string | null },
): Promise<ConnectionShape<Category>> {
  const page = pageRequest(args, { backward: true });
  const order = readOrder(page, 'asc');
  const where: Record<string, unknown> = rowsAfter(keysetAfter(page, ['text', 'uuid']), 'name', order);
  if (args.parentId !== undefined) where.parentId = args.parentId;
  const rows = await ctx.em.find(Category, where, { orderBy: { name: order, id: order }, limit: page.limit });
  return toConnection(rows, page, (c) => [c.name, c.id]);
}

export async function parentOf(ctx: ProductsContext, category: Category): Promise<Category | null> {
  return category.parentId ? ctx.loaders.categoryById.load(category.parentId) : null;
}

export async function childrenOf(ctx: ProductsContext, category: Category): Promise<Category[]> {
  return ctx.loaders.childCategories.load(category.id);
}

export async function categoryOfProduct(ctx: ProductsContext, product: Product): Promise<Category | null> {
  return product.categoryId ? ctx.loaders.categoryById.load(product.categoryId) : null;
}

/** ACTIVE products in the category or any category below it, by title. */
export async function productsInCategory(
  ctx: ProductsContext,
  category: Category,
  args: ConnectionArgs,
): Promise<ConnectionShape<Product>> {
  const page = pageRequest(args, { backward: true });
  const after = keysetAfter(page, ['text', 'uuid']);
  const rows = await ctx.loaders.categoryProducts.load({
    categoryId: category.id,
    limit: page.limit,
    after,
    order: readOrder(page, 'asc'),
  });
  return toConnection(rows, page, (p) => [p.title, p.id]);
}
