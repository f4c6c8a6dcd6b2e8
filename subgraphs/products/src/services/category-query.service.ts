import { badUserInput, pageRequest, toConnection, type ConnectionArgs, type ConnectionShape } from '../../../platform/src';
import { isUuid } from '../../../platform/src';
import type { ProductsContext } from '../context';
import { Category, type Product } from '../entities';

/** All categories, by name; or the children of one category. */
export async function listCategories(
  ctx: ProductsContext,
  args: ConnectionArgs & { parentId?: string | null },
): Promise<ConnectionShape<Category>> {
  const page = pageRequest(args);
  const where: Record<string, unknown> = {};
  if (args.parentId !== undefined) where.parentId = args.parentId;
  if (page.after) {
    const [name, id] = page.after;
    if (typeof name !== 'string' || typeof id !== 'string' || !isUuid(id)) throw badUserInput('"after" is not a cursor of this list', 'after');
    where.$or = [{ name: { $gt: name } }, { name, id: { $gt: id } }];
  }
  const rows = await ctx.em.find(Category, where, { orderBy: { name: 'asc', id: 'asc' }, limit: page.limit });
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
  const page = pageRequest(args);
  let after: [string, string] | null = null;
  if (page.after) {
    const [title, id] = page.after;
    if (typeof title !== 'string' || typeof id !== 'string' || !isUuid(id)) throw badUserInput('"after" is not a cursor of this list', 'after');
    after = [title, id];
  }
  const rows = await ctx.loaders.categoryProducts.load({ categoryId: category.id, limit: page.limit, after });
  return toConnection(rows, page, (p) => [p.title, p.id]);
}
