import { FieldResolver, ID, Resolver } from 'type-graphql';
import { LoyaltyProgramView } from '../types/loyalty.types';

/** The shop has one loyalty programme; its id lets a client cache update it after `loyaltyProgramUpdate`. */
@Resolver(() => LoyaltyProgramView)
export class LoyaltyProgramIdResolver {
  @FieldResolver(() => ID, { name: 'id', description: "Global id of the shop's one loyalty programme." })
  programId(): string {
    return 'default';
  }
}
