import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { toPayload } from '#platform/graphql';
import type { CustomersContext } from '../context';
import { CustomerAccessTokenCreateInput } from '../inputs/access-token-create.input';
import { CustomerCreateInput } from '../inputs/customer-create.input';
import { CustomerUpdateInput } from '../inputs/customer-update.input';
import { CustomerAccessTokenCreatePayload, CustomerCreatePayload, CustomerUpdatePayload } from '../payloads';
import { updateCustomer } from '../services/customer-update.service';
import { createCustomerAccessToken } from '../services/sign-in.service';
import { signUp } from '../services/sign-up.service';
import { CUSTOMER_OR_STAFF } from './roles';

@Resolver()
export class CustomerAccountResolver {
  @Mutation(() => CustomerCreatePayload, {
    description:
      'Registers a customer (sign-up on the web or app, or at a till). Only staff get the new customer back, or TAKEN; ' +
      'anyone else gets no customer and no TAKEN, the same answer whether or not the email is known, and signs in next.',
  })
  async customerCreate(
    @Ctx() ctx: CustomersContext,
    @Arg('input', () => CustomerCreateInput, { description: 'The new customer; an email or a phone number is required.' })
    input: CustomerCreateInput,
  ) {
    return toPayload(await signUp(ctx, input), (customer) => ({ customer }));
  }

  @Mutation(() => CustomerAccessTokenCreatePayload, { description: 'Signs a customer in: a 30-day bearer token.' })
  async customerAccessTokenCreate(
    @Ctx() ctx: CustomersContext,
    @Arg('input', () => CustomerAccessTokenCreateInput, { description: "The customer's email and password." })
    input: CustomerAccessTokenCreateInput,
  ) {
    return toPayload(await createCustomerAccessToken(ctx, input), (accessToken) => ({ accessToken }));
  }

  @Authorized(CUSTOMER_OR_STAFF)
  @Mutation(() => CustomerUpdatePayload, {
    description: 'Changes a customer: the signed-in customer (id left out) or, for staff, anyone; tags are for staff only.',
  })
  async customerUpdate(
    @Ctx() ctx: CustomersContext,
    @Arg('input', () => CustomerUpdateInput, { description: 'The fields to change; omitted fields stay.' }) input: CustomerUpdateInput,
    @Arg('id', () => ID, { nullable: true, description: 'The signed-in customer when left out.' }) id?: string | null,
  ) {
    return toPayload(await updateCustomer(ctx, id, input), (customer) => ({ customer }));
  }
}
