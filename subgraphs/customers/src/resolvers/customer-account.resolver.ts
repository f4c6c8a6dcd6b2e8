import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { toPayload } from '../../../platform/src';
import type { CustomersContext } from '../context';
import { CustomerAccessTokenCreateInput } from '../inputs/access-token-create.input';
import { CustomerCreateInput } from '../inputs/customer-create.input';
import { CustomerAccessTokenCreatePayload, CustomerCreatePayload } from '../payloads';
import { createCustomer } from '../services/customer.service';
import { createCustomerAccessToken } from '../services/sign-in.service';

@Resolver()
export class CustomerAccountResolver {
  @Mutation(() => CustomerCreatePayload, { description: 'Registers a customer (sign-up on the web or app, or at a till).' })
  async customerCreate(@Ctx() ctx: CustomersContext, @Arg('input', () => CustomerCreateInput) input: CustomerCreateInput) {
    return toPayload(await createCustomer(ctx, input), (customer) => ({ customer }));
  }

  @Mutation(() => CustomerAccessTokenCreatePayload, { description: 'Signs a customer in: a 30-day bearer token.' })
  async customerAccessTokenCreate(
    @Ctx() ctx: CustomersContext,
    @Arg('input', () => CustomerAccessTokenCreateInput) input: CustomerAccessTokenCreateInput,
  ) {
    return toPayload(await createCustomerAccessToken(ctx, input), (accessToken) => ({ accessToken }));
  }
}
