import { runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorCode, UserErrorsException, validateInput } from '#platform/graphql';
import { isUuid } from '#platform/db';
import { SCHEMA } from '../constants';
import type { ProductsContext } from '../context';
import { Category } from '../entities';
import type { CategoryCreateInput, CategoryUpdateInput } from '../inputs/category.input';
import { slugify, uniqueHandle } from './rules/handle';

const handleTaken = (handle: string) =>
  new UserError(['input', 'handle'], `Handle "${handle}" is already used by another category`, UserErrorCode.TAKEN);

export async function createCategory(ctx: ProductsContext, input: CategoryCreateInput): Promise<MutationOutcome<Category>> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };
  return runMutation(
    ctx.em,
    async (em) => {
      const category = new Category();
      category.name = input.name.trim();
      category.description = input.description?.trim() ?? '';
      category.parentId = input.parentId ?? null;
      if (input.parentId != null && !(isUuid(input.parentId) && (await em.count(Category, { id: input.parentId })))) {
        errors.push(new UserError(['input', 'parentId'], `No category with id "${input.parentId}"`, UserErrorCode.NOT_FOUND));
      }
      if (input.handle && (await em.count(Category, { handle: input.handle }))) errors.push(handleTaken(input.handle));
      if (errors.length) throw new UserErrorsException(errors);
      category.handle = input.handle ?? (await uniqueHandle(em, `${SCHEMA}.category`, slugify(category.name)));
      await em.persistAndFlush(category);
      return category;
    },
    (constraint) => (constraint.includes('handle') ? handleTaken(input.handle ?? '') : undefined),
  );
}

/** Renames or moves a category; a category cannot move below itself. */
export async function updateCategory(ctx: ProductsContext, id: string, input: CategoryUpdateInput): Promise<MutationOutcome<Category>> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };
  return runMutation(
    ctx.em,
    async (em) => {
      const category = isUuid(id) ? await em.findOne(Category, { id }) : null;
      if (!category) throw new UserErrorsException([new UserError(['id'], `No category with id "${id}"`, UserErrorCode.NOT_FOUND)]);
      if (input.name !== undefined) category.name = input.name.trim();
      if (input.description !== undefined) category.description = input.description?.trim() ?? '';
      if (input.handle !== undefined && input.handle !== category.handle) {
        if (await em.count(Category, { handle: input.handle })) errors.push(handleTaken(input.handle));
        category.handle = input.handle;
      }
      if (input.parentId !== undefined && input.parentId !== category.parentId) {
        if (input.parentId !== null) await checkNewParent(em, category, input.parentId, errors);
        category.parentId = input.parentId;
      }
      if (errors.length) throw new UserErrorsException(errors);
      category.updatedAt = new Date();
      await em.flush();
      return category;
    },
    (constraint) => (constraint.includes('handle') ? handleTaken(input.handle ?? '') : undefined),
  );
}

async function checkNewParent(em: ProductsContext['em'], category: Category, parentId: string, errors: UserError[]): Promise<void> {
  const field = ['input', 'parentId'];
  if (!isUuid(parentId) || !(await em.count(Category, { id: parentId }))) {
    errors.push(new UserError(field, `No category with id "${parentId}"`, UserErrorCode.NOT_FOUND));
    return;
  }
  // Walk up from the new parent; meeting the category itself means the move would make a cycle.
  const { rows } = (await em.getKnex().raw(
    `with recursive up(id, parent_id) as (
       select id, parent_id from ${SCHEMA}.category where id = ?
       union all select c.id, c.parent_id from ${SCHEMA}.category c join up on c.id = up.parent_id)
     select 1 from up where id = ? limit 1`,
    [parentId, category.id],
  )) as { rows: unknown[] };
  if (rows.length)
    errors.push(new UserError(field, 'A category cannot be moved below itself or one of its children', UserErrorCode.INVALID));
}
