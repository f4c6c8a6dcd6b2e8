import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MANAGER_ROLES, STAFF_ROLES } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import type { CustomersContext } from '../context';
import { Segment } from '../entities';
import { SegmentCreateInput, SegmentUpdateInput } from '../inputs/segment.input';
import { SegmentCreatePayload, SegmentDeletePayload, SegmentUpdatePayload } from '../payloads';
import { createSegment, deleteSegment, listSegments, segmentRules, updateSegment } from '../services/segment.service';
import { SegmentRules } from '../types/segment-rules.type';

@Resolver(() => Segment)
export class SegmentResolver {
  @Authorized(STAFF_ROLES)
  @Query(() => [Segment], { description: 'Every segment, by name (staff).' })
  segments(@Ctx() ctx: CustomersContext) {
    return listSegments(ctx);
  }

  @FieldResolver(() => SegmentRules, { description: 'Who is in the segment: every rule given must hold.' })
  rules(@Root() segment: Segment, @Ctx() ctx: CustomersContext): SegmentRules {
    return segmentRules(ctx, segment);
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => SegmentCreatePayload, { description: 'Creates a segment (managers).' })
  async segmentCreate(
    @Ctx() ctx: CustomersContext,
    @Arg('input', () => SegmentCreateInput, { description: "The segment's name and rules." }) input: SegmentCreateInput,
  ) {
    return toPayload(await createSegment(ctx, input), (segment) => ({ segment }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => SegmentUpdatePayload, { description: "Changes a segment's name, description or rules (managers)." })
  async segmentUpdate(
    @Ctx() ctx: CustomersContext,
    @Arg('id', () => ID, { description: 'The segment to change.' }) id: string,
    @Arg('input', () => SegmentUpdateInput, { description: 'A new name or rules.' }) input: SegmentUpdateInput,
  ) {
    return toPayload(await updateSegment(ctx, id, input), (segment) => ({ segment }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => SegmentDeletePayload, { description: 'Deletes a segment (managers).' })
  async segmentDelete(@Ctx() ctx: CustomersContext, @Arg('id', () => ID, { description: 'The segment to delete.' }) id: string) {
    return toPayload(await deleteSegment(ctx, id), (deletedSegmentId) => ({ deletedSegmentId }));
  }
}
