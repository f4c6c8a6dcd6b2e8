import { RateLimitCounter } from '#platform/db';
import { EventConsumerPosition, OutboxEvent } from '#platform/outbox';
import { CustomerAddress } from './customer-address.entity';
import { CustomerEvent } from './customer-event.entity';
import { CustomerIdentity } from './customer-identity.entity';
import { CustomerOrder } from './customer-order.entity';
import { CustomerRefund } from './customer-refund.entity';
import { Customer } from './customer.entity';
import { Segment } from './segment.entity';
import { StaffMember } from './staff-member.entity';
import { StaffRole } from './staff-role';

export { Customer, CustomerAddress, CustomerEvent, CustomerIdentity, Segment, StaffMember, StaffRole };
export { CustomerOrder, CustomerRefund };
export { CustomerEventType, TRACKABLE_EVENT_TYPES } from './customer-event-type';

/** EventConsumerPosition: how far this subgraph has read the orders outbox (abandoned carts). */
export const entities = [
  Customer,
  CustomerAddress,
  CustomerIdentity,
  CustomerEvent,
  Segment,
  StaffMember,
  OutboxEvent,
  RateLimitCounter,
  EventConsumerPosition,
];
/** Orders placed and refunds, from the orders outbox. */
export const orderFactEntities = [CustomerOrder, CustomerRefund];
