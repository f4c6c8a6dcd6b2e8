import { IdempotencyRecord } from '#platform/db';
import { OutboxEvent } from '#platform/outbox';
import { Cart } from './cart.entity';
import { Order } from './order.entity';

export { Cart, Order };

export const entities = [Order, Cart, OutboxEvent, IdempotencyRecord];
