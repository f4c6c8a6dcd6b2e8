import { forbidden, isStaff, Role, unauthenticated } from '#platform/auth';
import { isUuid, runMutation, sql, type MutationOutcome } from '#platform/db';
import { formatMinorUnits, UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { Limits, SCHEMA } from '../constants';
import type { CustomersContext } from '../context';
import { Segment } from '../entities';
import { CustomersErrorCode } from '../errors';
import type { SegmentCreateInput, SegmentUpdateInput } from '../inputs/segment.input';
import { validateSegmentRules, type StoredSegmentRules } from '../rules/segment-rules';
import type { SegmentRules } from '../types/segment-rules.type';

const nameTaken = () => new UserError(['input', 'name'], 'A segment with this name already exists', CustomersErrorCode.TAKEN);
const segmentNotFound = () => new UserError(['id'], 'No such segment', CustomersErrorCode.NOT_FOUND);
const onUniqueName = (constraint: string) => (constraint.includes('name') ? nameTaken() : undefined);

/** Every segment, by name (staff). Their number is capped, so this is one short list. */
export function listSegments(ctx: CustomersContext): Promise<Segment[]> {
  return ctx.loaders.allSegments.load('all');
}

/** A segment by id; null for anything that is not a segment's id. */
export function findSegment(ctx: CustomersContext, id: string): Promise<Segment | null> {
  return isUuid(id) ? ctx.loaders.segmentById.load(id) : Promise.resolve(null);
}

/** A segment for another subgraph (promotions checks the segments a discount targets): services and staff only. */
export function resolveSegmentReference(ctx: CustomersContext, id: string): Promise<Segment | null> {
  if (isStaff(ctx.viewer)) return findSegment(ctx, id);
  throw ctx.viewer.role === Role.ANONYMOUS ? unauthenticated() : forbidden('Segments are for staff');
}

/** A segment's rules with dates as Dates, for the API. */
export function segmentRules(ctx: CustomersContext, segment: Segment): SegmentRules {
  const { signedUpAfter, signedUpBefore, activeSince, spentAtLeastMinor, averageOrderValueAtLeastMinor, ...rest } = segment.rules;
  const date = (value: string | undefined) => (value ? new Date(value) : null);
  const money = (minor: number | undefined) => (minor === undefined ? null : formatMinorUnits(minor, ctx.settings.currencyCode));
  return {
    ...rest,
    signedUpAfter: date(signedUpAfter),
    signedUpBefore: date(signedUpBefore),
    activeSince: date(activeSince),
    spentAtLeast: money(spentAtLeastMinor),
    averageOrderValueAtLeast: money(averageOrderValueAtLeastMinor),
  };
}

/** Creates a segment; at most SEGMENTS exist, since every customer read evaluates them all. */
export async function createSegment(ctx: CustomersContext, input: SegmentCreateInput): Promise<MutationOutcome<Segment>> {
  const errors = await validateInput(input, ['input']);
  const { rules, errors: ruleErrors } = validateSegmentRules(input.rules, ['input', 'rules'], ctx.settings.currencyCode);
  errors.push(...ruleErrors);
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(
    ctx,
    async (tx) => {
      // One creator at a time, so concurrent creates cannot pass the cap together.
      await sql(tx.em, 'select pg_advisory_xact_lock(hashtext(?))', [`${SCHEMA}.segment`]);
      if ((await tx.em.count(Segment, {})) >= Limits.SEGMENTS) {
        throw new UserErrorsException([
          new UserError(null, `At most ${Limits.SEGMENTS} segments; delete one first`, CustomersErrorCode.TOO_MANY),
        ]);
      }
      const name = input.name.trim();
      if (await tx.em.count(Segment, { name })) throw new UserErrorsException([nameTaken()]);
      const segment = Object.assign(new Segment(), { name, description: input.description?.trim() || null, rules });
      tx.em.persist(segment);
      await tx.em.flush();
      return segment;
    },
    { onUniqueViolation: onUniqueName },
  );
}

/** Changes a segment's name, description or rules (rules given replace all of them). */
export async function updateSegment(ctx: CustomersContext, id: string, input: SegmentUpdateInput): Promise<MutationOutcome<Segment>> {
  const errors = await validateInput(input, ['input']);
  let rules: StoredSegmentRules | undefined;
  if (input.rules) {
    const validated = validateSegmentRules(input.rules, ['input', 'rules'], ctx.settings.currencyCode);
    errors.push(...validated.errors);
    rules = validated.rules;
  }
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(
    ctx,
    async (tx) => {
      const segment = isUuid(id) ? await tx.em.findOne(Segment, id, { refresh: true }) : null;
      if (!segment) throw new UserErrorsException([segmentNotFound()]);
      const name = input.name?.trim();
      if (name && name !== segment.name && (await tx.em.count(Segment, { name }))) throw new UserErrorsException([nameTaken()]);
      if (name) segment.name = name;
      if (input.description !== undefined) segment.description = input.description?.trim() || null;
      if (rules) segment.rules = rules;
      segment.updatedAt = new Date();
      await tx.em.flush();
      return segment;
    },
    { onUniqueViolation: onUniqueName },
  );
}

/** Deletes a segment; its id no longer resolves, through this API or federation. */
export async function deleteSegment(ctx: CustomersContext, id: string): Promise<MutationOutcome<string>> {
  return runMutation(ctx, async (tx) => {
    const deleted = isUuid(id) ? await tx.em.nativeDelete(Segment, { id }) : 0;
    if (!deleted) throw new UserErrorsException([segmentNotFound()]);
    return id;
  });
}
