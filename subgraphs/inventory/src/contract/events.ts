import { z } from 'zod';
import { defineEvent } from '#platform/events';

/** Why stock moved; the same values as the API's StockMovementReason (a spec keeps them equal). */
export const STOCK_MOVEMENT_REASONS = [
  'CORRECTION',
  'RECEIVED',
  'RETURN',
  'DAMAGED',
  'LOST',
  'SALE',
  'COUNT_CORRECTION',
  'TRANSFER_OUT',
  'TRANSFER_IN',
  'RESERVATION',
  'RELEASE',
  'INCOMING',
] as const;

/** The key both stock topics are published under: events of one level stay in order. */
export const levelEventKey = (sku: string, locationId: string): string => `${sku}@${locationId}`;

/** A level as it stands after the change, under its version (one higher with every change). */
const levelState = {
  sku: z.string().min(1),
  locationId: z.string().min(1),
  version: z.number().int().nonnegative(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  /** onHand - reserved; negative only after an offline sale or a count. */
  available: z.number().int(),
  incoming: z.number().int(),
};

/** The movement that made the change. */
const movement = {
  /** Change of onHand. */
  delta: z.number().int(),
  /** Change of reserved. */
  reservedDelta: z.number().int(),
  reason: z.enum(STOCK_MOVEMENT_REASONS),
  /** The SalesChannel it went through, when it was a sale or a reservation. */
  channel: z.string().nullable(),
  occurredAt: z.iso.datetime(),
};

/** A stock level changed (any movement of the ledger). Keyed by `levelEventKey`. */
export const InventoryLevelChanged = defineEvent('inventory.level.changed', z.object({ ...levelState, ...movement }));

/**
 * A level's available stock fell to or below its low-stock threshold: a movement crossed it (the
 * movement's fields are then present), or the threshold was set at or above what is available
 * (they are absent). Keyed by `levelEventKey`.
 */
export const InventoryLevelLow = defineEvent(
  'inventory.level.low',
  z.object({ ...levelState, lowStockThreshold: z.number().int().nonnegative(), ...z.object(movement).partial().shape }),
);

/**
 * A location was added or changed (its name, address, coordinates, pickup or fulfilment settings).
 * Keyed by its id. It carries what a cart that chose the store keeps of it (name, country,
 * province, whether it offers pickup); events written before those fields existed hold the id alone.
 */
export const InventoryLocationChanged = defineEvent(
  'inventory.location.changed',
  z.object({
    locationId: z.string().min(1),
    name: z.string().min(1).optional(),
    countryCode: z.string().min(1).optional(),
    province: z.string().nullable().optional(),
    pickupEnabled: z.boolean().optional(),
  }),
);

export type InventoryLevelChangedPayload = ReturnType<typeof InventoryLevelChanged.parse>;
export type InventoryLevelLowPayload = ReturnType<typeof InventoryLevelLow.parse>;
