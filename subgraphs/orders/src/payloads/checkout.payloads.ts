import { MutationPayload } from '#platform/graphql';
import { Order } from '../entities';

export const CheckoutCompletePayload = MutationPayload('CheckoutCompletePayload', { order: () => Order });
