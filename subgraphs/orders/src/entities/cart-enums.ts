import { registerEnumType } from 'type-graphql';
import { TaxClass } from '#contracts/products';

/** Where a cart is in its life: OPEN while filled, COMPLETED once ordered, MERGED into another cart. */
export enum CartStatus {
  OPEN = 'OPEN',
  COMPLETED = 'COMPLETED',
  MERGED = 'MERGED',
}

/** How the goods reach the shopper. */
export enum DeliveryMethod {
  /** Shipped to an address. */
  SHIP = 'SHIP',
  /** Collected at a store that has the stock now. */
  PICKUP = 'PICKUP',
  /** Sent from stock elsewhere to a store, collected there. */
  SHIP_TO_STORE = 'SHIP_TO_STORE',
}

// The catalog's vocabulary, declared in its contract; registered here with the catalog's description.
export { TaxClass };

registerEnumType(CartStatus, {
  name: 'CartStatus',
  description: 'OPEN while being filled, COMPLETED once ordered, MERGED into another cart.',
  valuesConfig: {
    COMPLETED: { description: 'Ordered: see `order`; can no longer change.' },
    MERGED: { description: "Merged into the signed-in customer's cart; change that one instead." },
    OPEN: { description: 'Being filled; can change.' },
  },
});
registerEnumType(DeliveryMethod, {
  name: 'DeliveryMethod',
  description: 'How the goods reach the shopper: SHIP, PICKUP or SHIP_TO_STORE.',
  valuesConfig: {
    PICKUP: { description: 'Picked up at a store that has the stock now.' },
    SHIP: { description: 'Shipped to an address.' },
    SHIP_TO_STORE: { description: 'Sent to a store for pickup, in 2 to 4 days.' },
  },
});
registerEnumType(TaxClass, {
  name: 'TaxClass',
  description:
    'The tax rate class a product is sold at: STANDARD, REDUCED (e.g. food, books, some repairs) or ZERO; the rate is the jurisdiction’s.',
  valuesConfig: {
    REDUCED: { description: 'The reduced rate (7 % in Germany), e.g. for books and food.' },
    STANDARD: { description: 'The standard rate of the destination (19 % in Germany).' },
    ZERO: { description: 'Not taxed.' },
  },
});
