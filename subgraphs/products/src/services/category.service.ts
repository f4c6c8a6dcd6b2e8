import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, runMutation, sql, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { ProductsContext } from '../context';
import { Category } from '../entities';
import { ProductsErrorCode } from '../errors';
import type { CategoryCreateInput, CategoryUpdateInput } from '../inputs/category.input';
import { slugify } from '../rules/handle';
import { publishCategoryChanged } from './catalog-events';
import { uniqueHandle } from './catalog-identifiers.service';

const handleTaken = (handle: string) =>
  new UserError(['input', 'handle'], `Handle "${handle}" is already used by another category`, ProductsErrorCode.TAKEN);

const onUniqueViolation = (handle: string | null | undefined) => (constraint: string) =>
  constraint.includes('handle') ? handleTaken(handle ?? '') : undefined;

export async function createCategory(ctx: ProductsContext, input: CategoryCreateInput): Promise<MutationOutcome<Category>> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };
  return runMutation(
    ctx,
    async (tx) => {
      const category = new Category();
      category.name = input.name.trim();
      category.description = input.description?.trim() ?? '';
      category.parentId = input.parentId ?? null;
      if (input.parentId != null && !(isUuid(input.parentId) && (await tx.em.count(Category, { id: input.parentId })))) {
        errors.push(new UserError(['input', 'parentId'], `No category with id "${input.parentId}"`, ProductsErrorCode.NOT_FOUND));
      }
      if (input.handle && (await tx.em.count(Category, { handle: input.handle }))) errors.push(handleTaken(input.handle));
      if (errors.length) throw new UserErrorsException(errors);
      category.handle = input.handle ?? (await uniqueHandle(tx.em, `${SCHEMA}.category`, slugify(category.name)));
      await tx.em.persistAndFlush(category);
      await publishCategoryChanged(tx.em, category.id);
      return category;
    },
    { onUniqueViolation: onUniqueViolation(input.handle) },
  );
}

/** Renames or moves a category; a category cannot move below itself. */
export async function updateCategory(ctx: ProductsContext, id: string, input: CategoryUpdateInput): Promise<MutationOutcome<Category>> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };
  return runMutation(
    ctx,
    async (tx) => {
      const category = isUuid(id) ? await tx.em.findOne(Category, { id }) : null;
      if (!category) throw new UserErrorsException([new UserError(['id'], `No category with id "${id}"`, ProductsErrorCode.NOT_FOUND)]);
      if (input.name !== undefined) category.name = input.name.trim();
      if (input.description !== undefined) category.description = input.description?.trim() ?? '';
      if (input.handle !== undefined && input.handle !== category.handle) {
        if (await tx.em.count(Category, { handle: input.handle })) errors.push(handleTaken(input.handle));
        category.handle = input.handle;
      }
      if (input.parentId !== undefined && input.parentId !== category.parentId) {
        if (input.parentId !== null) await checkNewParent(tx.em, category, input.parentId, errors);
        category.parentId = input.parentId;
      }
      if (errors.length) throw new UserErrorsException(errors);
      category.updatedAt = new Date();
      await tx.em.flush();
      await publishCategoryChanged(tx.em, category.id);
      return category;
    },
    { onUniqueViolation: onUniqueViolation(input.handle) },
  );
}

async function checkNewParent(em: EntityManager, category: Category, parentId: string, errors: UserError[]): Promise<void> {
  const field = ['input', 'parentId'];
  if (!isUuid(parentId) || !(await em.count(Category, { id: parentId }))) {
    errors.push(new UserError(field, `No category with id "${parentId}"`, ProductsErrorCode.NOT_FOUND));
    return;
  }
  // Walk up from the new parent; meeting the category itself means the move would make a cycle.
  const rows = await sql(
    em,
    `with recursive up(id, parent_id) as (
       select id, parent_id from ${SCHEMA}.category where id = ?
       union all select c.id, c.parent_id from ${SCHEMA}.category c join up on c.id = up.parent_id)
     select 1 from up where id = ? limit 1`,
    [parentId, category.id],
  );
  if (rows.length) {
    errors.push(new UserError(field, 'A category cannot be moved below itself or one of its children', ProductsErrorCode.INVALID));
  }
}
