import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { toPayload } from '#platform/graphql';
import type { CustomersContext } from '../context';
import { CustomerDataExportPayload, CustomerErasePayload } from '../payloads';
import { eraseCustomer } from '../services/customer-erase.service';
import { exportCustomerData } from '../services/customer-export.service';
import { CUSTOMER_OR_MANAGER } from './roles';

/** A customer's rights over their data: a copy of all of it, and its erasure. */
@Resolver()
export class CustomerPrivacyResolver {
  @Authorized(CUSTOMER_OR_MANAGER)
  @Mutation(() => CustomerDataExportPayload, {
    description: 'Everything held about a customer: the signed-in customer (id left out) or, for managers, anyone.',
  })
  async customerDataExport(
    @Ctx() ctx: CustomersContext,
    @Arg('id', () => ID, { nullable: true, description: 'The signed-in customer when left out.' }) id?: string | null,
  ) {
    return toPayload(await exportCustomerData(ctx, id), (dataExport) => ({ export: dataExport }));
  }

  @Authorized(CUSTOMER_OR_MANAGER)
  @Mutation(() => CustomerErasePayload, {
    description:
      "Erases a customer's personal data, keeping the id that orders and balances refer to: the signed-in customer (id left out) or, for managers, anyone.",
  })
  async customerErase(
    @Ctx() ctx: CustomersContext,
    @Arg('id', () => ID, { nullable: true, description: 'The signed-in customer when left out.' }) id?: string | null,
  ) {
    return toPayload(await eraseCustomer(ctx, id), (customer) => ({ customer }));
  }
}
