import { Arg, Authorized, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { Role } from '#platform/auth';
import type { PromotionsContext } from '../context';
import { DiscountEvaluationInput } from '../inputs/evaluation.input';
import { evaluateBasket } from '../services/evaluation.service';
import { DiscountEvaluation } from '../types/evaluation.types';

/** Internal: the orders subgraph prices baskets with this; @inaccessible, never public. */
@Resolver()
export class EvaluationResolver {
  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Query(() => DiscountEvaluation, {
    description: 'What a basket costs after offers, and why any code entered does not apply. Reads only.',
  })
  discountsEvaluate(@Ctx() ctx: PromotionsContext, @Arg('input', () => DiscountEvaluationInput) input: DiscountEvaluationInput) {
    return evaluateBasket(ctx, input);
  }
}
