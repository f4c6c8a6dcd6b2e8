import { Money, MutationPayload } from '#platform/graphql';
import { Order } from '../entities';

export const OrderCancelPayload = MutationPayload(
  'OrderCancelPayload',
  { order: () => Order, refundTotal: () => Money },
  { description: 'The result of orderCancel or orderLinesCancel: the order as it is now and what goes back to the customer.' },
);
