import { IdempotencyRecord } from '#platform/db';
import { OutboxEvent } from '#platform/outbox';
import { Cart } from './cart.entity';
import { CartDiscountCode } from './cart-discount-code.entity';
import { CartLine } from './cart-line.entity';
import { Order } from './order.entity';
import { ShippingRate, ShippingZone } from './shipping-zone.entity';
import { TaxRate } from './tax-rate.entity';

export { Cart, CartLine, CartDiscountCode, Order, TaxRate, ShippingZone, ShippingRate };
export { newCartId, CART_ID_PATTERN, type CartAddress } from './cart.entity';
export { CartStatus, DeliveryMethod, TaxClass } from './cart-enums';

export const entities = [Order, Cart, CartLine, CartDiscountCode, TaxRate, ShippingZone, ShippingRate, OutboxEvent, IdempotencyRecord];
