import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { STAFF_ROLES } from '../../../platform/src';
import type { CustomersContext } from '../context';
import { Customer } from '../entities';
import { displayName, findCustomer } from '../services/customer-query.service';

@Resolver(() => Customer)
export class CustomerResolver {
  @Authorized(STAFF_ROLES)
  @Query(() => Customer, { nullable: true, description: 'A customer by id (staff).' })
  customer(@Ctx() ctx: CustomersContext, @Arg('id', () => ID) id: string): Promise<Customer | null> {
    return findCustomer(ctx, id);
  }

  @FieldResolver(() => String, { description: 'The name to greet the customer by.' })
  displayName(@Root() customer: Customer): string {
    return displayName(customer);
  }
}
