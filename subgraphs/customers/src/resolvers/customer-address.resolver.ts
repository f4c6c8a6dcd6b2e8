import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { AddressInput, toPayload } from '#platform/graphql';
import type { CustomersContext } from '../context';
import { CustomerAddressCreatePayload, CustomerAddressDeletePayload, CustomerAddressUpdatePayload } from '../payloads';
import { createAddress, deleteAddress, updateAddress } from '../services/customer-address.service';
import { CUSTOMER_OR_STAFF } from './roles';

/** A customer's saved addresses: managed by the customer themselves or by staff. */
@Resolver()
export class CustomerAddressResolver {
  @Authorized(CUSTOMER_OR_STAFF)
  @Mutation(() => CustomerAddressCreatePayload, {
    description: "Saves an address; the customer's first becomes their default. At most 50 per customer.",
  })
  async customerAddressCreate(
    @Ctx() ctx: CustomersContext,
    @Arg('input', () => AddressInput, { description: 'The address.' }) input: AddressInput,
    @Arg('customerId', () => ID, { nullable: true, description: 'The signed-in customer when left out.' }) customerId?: string | null,
    @Arg('setAsDefault', () => Boolean, { nullable: true, description: 'Make it the default address.' }) setAsDefault?: boolean | null,
  ) {
    return toPayload(await createAddress(ctx, customerId, input, setAsDefault ?? false), (change) => change);
  }

  @Authorized(CUSTOMER_OR_STAFF)
  @Mutation(() => CustomerAddressUpdatePayload, {
    description: "Replaces a saved address's fields; setAsDefault: true makes it the default.",
  })
  async customerAddressUpdate(
    @Ctx() ctx: CustomersContext,
    @Arg('id', () => ID, { description: "The saved address's id." }) id: string,
    @Arg('input', () => AddressInput, { description: "The address's id and the fields to change." }) input: AddressInput,
    @Arg('setAsDefault', () => Boolean, { nullable: true, description: 'Make it the default address.' }) setAsDefault?: boolean | null,
  ) {
    return toPayload(await updateAddress(ctx, id, input, setAsDefault ?? false), (change) => change);
  }

  @Authorized(CUSTOMER_OR_STAFF)
  @Mutation(() => CustomerAddressDeletePayload, {
    description: 'Deletes a saved address; deleting the default makes the most recently saved other address the default.',
  })
  async customerAddressDelete(@Ctx() ctx: CustomersContext, @Arg('id', () => ID, { description: "The saved address's id." }) id: string) {
    return toPayload(await deleteAddress(ctx, id), (change) => change);
  }
}
