import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { STAFF_ROLES } from '#platform/auth';
import type { CustomersContext } from '../context';
import { Customer } from '../entities';
import { ChannelIdentityInput } from '../inputs/channel-identity.input';
import { CustomersArgs } from '../inputs/customers.args';
import { readableCustomer } from '../services/customer-access';
import { listCustomers } from '../services/customer-search.service';
import { findSignedInCustomer, lookupCustomer } from '../services/customer.service';
import { CustomerConnection } from '../types/customer-connection.type';
import { CUSTOMER_OR_STAFF } from './roles';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: 'The signed-in customer; null without a customer token.' })
  me(@Ctx() ctx: CustomersContext): Promise<Customer | null> {
    return findSignedInCustomer(ctx);
  }

  @Authorized(CUSTOMER_OR_STAFF)
  @Query(() => Customer, {
    nullable: true,
    description: 'A customer by id: staff any, a customer only themselves. A merged-away id answers with the customer it was merged into.',
  })
  customer(
    @Ctx() ctx: CustomersContext,
    @Arg('id', () => ID, { description: "The customer's id; a merged customer's id answers the customer it was merged into." }) id: string,
  ): Promise<Customer | null> {
    return readableCustomer(ctx, id);
  }

  @Authorized(STAFF_ROLES)
  @Query(() => CustomerConnection, {
    description: 'Customers newest first, matching a text query (name, email, phone) and/or a segment (staff).',
  })
  customers(@Ctx() ctx: CustomersContext, @Args(() => CustomersArgs) args: CustomersArgs) {
    return listCustomers(ctx, args);
  }

  @Authorized(STAFF_ROLES)
  @Query(() => Customer, {
    nullable: true,
    description:
      'A customer by exactly one of email, phone or their id on a channel, e.g. to recognise an online customer at the till (staff).',
  })
  customerLookup(
    @Ctx() ctx: CustomersContext,
    @Arg('email', () => String, { nullable: true, description: 'An email, in any case.' }) email?: string | null,
    @Arg('phone', () => String, { nullable: true, description: "A phone number, international or national in the shop's region." })
    phone?: string | null,
    @Arg('identity', () => ChannelIdentityInput, { nullable: true, description: 'E.g. a marketplace buyer id.' })
    identity?: ChannelIdentityInput | null,
  ): Promise<Customer | null> {
    return lookupCustomer(ctx, { email, phone, identity });
  }
}
