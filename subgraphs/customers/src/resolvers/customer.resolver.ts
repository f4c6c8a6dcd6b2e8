import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { STAFF_ROLES } from '../../../platform/src';
import type { CustomersContext } from '../context';
import { Customer } from '../entities';
import { displayName, findCustomer } from '../services/customer-query.service';
import { findSignedInCustomer, lookupCustomer } from '../services/customer.service';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: 'The signed-in customer; null without a customer token.' })
  me(@Ctx() ctx: CustomersContext): Promise<Customer | null> {
    return findSignedInCustomer(ctx);
  }

  @Authorized(STAFF_ROLES)
  @Query(() => Customer, { nullable: true, description: 'A customer by id (staff).' })
  customer(@Ctx() ctx: CustomersContext, @Arg('id', () => ID) id: string): Promise<Customer | null> {
    return findCustomer(ctx, id);
  }

  @Authorized(STAFF_ROLES)
  @Query(() => Customer, { nullable: true, description: 'A customer by exactly one of email or phone, e.g. to recognise an online customer at the till (staff).' })
  customerLookup(
    @Ctx() ctx: CustomersContext,
    @Arg('email', () => String, { nullable: true }) email?: string | null,
    @Arg('phone', () => String, { nullable: true }) phone?: string | null,
  ): Promise<Customer | null> {
    return lookupCustomer(ctx, { email, phone });
  }

  @FieldResolver(() => String, { description: 'The name to greet the customer by.' })
  displayName(@Root() customer: Customer): string {
    return displayName(customer);
  }
}
