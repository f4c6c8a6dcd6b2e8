import { IdempotencyRecord } from '#platform/db';
import { EventConsumerPosition, OutboxEvent } from '#platform/outbox';
import { Cart } from './cart.entity';
import { CartDiscountCode } from './cart-discount-code.entity';
import { CartLine } from './cart-line.entity';
import { Order } from './order.entity';
import { ShippingRate, ShippingZone } from './shipping-zone.entity';
import { TaxRate } from './tax-rate.entity';
import { Checkout } from './checkout.entity';
import { OrderEvent } from './order-event.entity';
import { OrderLine } from './order-line.entity';
import { Payment } from './payment.entity';
import { PaymentEventRecord } from './payment-event.entity';
import { TestCardAnswer, TestCardAuthorization } from './test-card-authorization.entity';
import { FulfillmentOrder } from './fulfillment-order.entity';
import { Fulfillment } from './fulfillment.entity';
import { PosSession } from './pos-session.entity';
import { Cancellation } from './cancellation.entity';
import { OrderReturn } from './return.entity';
import { Refund } from './refund.entity';
import { SalesLedgerRow } from './sales-ledger-row.entity';
import { SalesRollup, SalesRollupProduct, SalesRollupState } from './sales-rollup.entity';
import { ProductOrderCount, ProductPairCount } from './product-pair-count.entity';

export { Cart, CartLine, CartDiscountCode, Order, TaxRate, ShippingZone, ShippingRate };
export { newCartId, CART_ID_PATTERN, type CartAddress, type CartPickupStore } from './cart.entity';
export { CartStatus, DeliveryMethod, TaxClass } from './cart-enums';

/** EventConsumerPosition: how far the customer-messages consumer has read this subgraph's own outbox. */
export const entities = [
  Order,
  Cart,
  CartLine,
  CartDiscountCode,
  TaxRate,
  ShippingZone,
  ShippingRate,
  OutboxEvent,
  IdempotencyRecord,
  EventConsumerPosition,
];
export { Checkout, OrderLine, OrderEvent, Payment, PaymentEventRecord, TestCardAuthorization, TestCardAnswer };
export { OrderStatus, FulfillmentMethod, CheckoutState, FulfillmentOrderStatus, FulfillmentKind, FulfillmentState } from './order-enums';
export { FulfillmentOrder, Fulfillment, PosSession };
export { Cancellation, OrderReturn, Refund };
export type { ExchangeLineData, ReturnExchangeData, ReturnLineData, ReturnRestockData } from './return.entity';
export { SalesLedgerRow, type SalesLedgerKind } from './sales-ledger-row.entity';
export { SalesRollup, SalesRollupProduct, SalesRollupState };
export { ProductPairCount, ProductOrderCount };
export { openUnits, type FulfillmentOrderLineData } from './fulfillment-order.entity';
export type { FulfillmentLineData, TrackingData } from './fulfillment.entity';
export type { OrderAddress, OrderTaxLine, OrderDiscountApplication, OrderFlagData } from './order.entity';
export type { OrderLineAllocation } from './order-line.entity';
/** Checkout, orders and payments: listed apart from the carts' entities. */
export const orderEntities = [
  Checkout,
  OrderLine,
  OrderEvent,
  Payment,
  PaymentEventRecord,
  TestCardAuthorization,
  TestCardAnswer,
  FulfillmentOrder,
  Fulfillment,
  Cancellation,
  PosSession,
  OrderReturn,
  Refund,
  SalesLedgerRow,
  SalesRollup,
  SalesRollupProduct,
  SalesRollupState,
  ProductPairCount,
  ProductOrderCount,
];
