import { MutationPayload } from '#platform/graphql';
import { Order } from '../entities';
import { RefundView, ReturnView } from '../types/returns.types';

export const ReturnPayload = MutationPayload(
  'ReturnPayload',
  { return: () => ReturnView, order: () => Order },
  { description: 'The result of returnCreate, returnRequest, returnApprove, returnDecline or returnReceive: the return and its order.' },
);
export const RefundCreatePayload = MutationPayload(
  'RefundCreatePayload',
  { refund: () => RefundView, order: () => Order },
  { description: 'The result of refundCreate: the refund and the order as it is now.' },
);
