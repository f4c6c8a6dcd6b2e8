/**
 * The live part of the API. @apollo/gateway executes no subscriptions, so the gateway serves
 * these itself over graphql-ws; `npm run compose` appends them to schema/api.graphql.
 */
export const SUBSCRIPTION_SDL = /* GraphQL */ `
  """
  Whether an item is the state when the subscription (re)started, or a change since.
  """
  enum StockChangeKind {
    """
    The current state of a level when the subscription starts, or when history to resume from is gone.
    """
    SNAPSHOT
    """
    A committed change, in version order per SKU and location.
    """
    CHANGE
  }

  """
  The stock of one SKU at one location, as it is now (SNAPSHOT) or as a change left it (CHANGE).
  """
  type StockChange {
    """
    SNAPSHOT (the state when the subscription started or resumed) or CHANGE (a committed change).
    """
    kind: StockChangeKind!
    """
    The id of the InventoryLevel this item is about, as \`InventoryLevel.id\` gives it.
    """
    levelId: ID!
    """
    The level this item is about, as it stands now, resolved through the supergraph: selecting it (with its \`id\`) lets a
    normalised client cache update every place that shows the level. Null (with an error) if inventory is unavailable.
    """
    level: InventoryLevel
    """
    The SKU whose stock this is.
    """
    sku: String!
    """
    Where the stock is.
    """
    location: Location!
    """
    Units physically at the location after this change.
    """
    onHand: Int!
    """
    Units held for carts in checkout and unshipped orders.
    """
    reserved: Int!
    """
    Units that can be sold now: onHand - reserved.
    """
    available: Int!
    """
    Change of onHand; null in a SNAPSHOT.
    """
    delta: Int
    """
    Why it changed (SALE, RECEIVED, RESERVATION…); null in a SNAPSHOT.
    """
    reason: StockMovementReason
    """
    Grows by one with every change of this SKU at this location: pass the last one seen in \`since\` to resume.
    """
    version: Int!
    """
    When the change committed (for a SNAPSHOT, when the level last changed).
    """
    occurredAt: DateTime!
    """
    The catalog variant, resolved through the supergraph; null (with an error) if the catalog is unavailable.
    """
    variant: ProductVariant
  }

  """
  A level fell to or below its low-stock threshold.
  """
  type LowStockAlert {
    """
    The id of the InventoryLevel that is low, as \`InventoryLevel.id\` gives it.
    """
    levelId: ID!
    """
    The level that is low, as it stands now, resolved through the supergraph; null (with an error) if inventory is unavailable.
    """
    level: InventoryLevel
    """
    The SKU that is low.
    """
    sku: String!
    """
    Where it is low.
    """
    location: Location!
    """
    Units that can be sold now (onHand - reserved), at or below the threshold.
    """
    available: Int!
    """
    The threshold the level fell to or below.
    """
    lowStockThreshold: Int!
    """
    The level's version after the change that made it low.
    """
    version: Int!
    """
    When that change committed.
    """
    occurredAt: DateTime!
    """
    The catalog variant, resolved through the supergraph; null (with an error) if the catalog is unavailable.
    """
    variant: ProductVariant
  }

  """
  Whether a pick-list item is the location's open work when the subscription started, or a change.
  """
  enum FulfillmentOrderChangeKind {
    """
    Open work (every status but CLOSED and CANCELLED) when the subscription started.
    """
    SNAPSHOT
    """
    A committed change, or (resuming with \`since\`) a fulfilment order that changed while the client was away.
    """
    CHANGED
  }

  """
  A fulfilment order on a location's pick list, as it is now (SNAPSHOT) or as a change left it (CHANGED).
  """
  type FulfillmentOrderChange {
    """
    SNAPSHOT (open work when the subscription started) or CHANGED (a committed change).
    """
    kind: FulfillmentOrderChangeKind!
    """
    The fulfilment order this item is about, as \`FulfillmentOrder.id\` gives it.
    """
    fulfillmentOrderId: ID!
    """
    The order it belongs to (global id).
    """
    orderId: ID!
    """
    The order's number, e.g. "#1001".
    """
    orderNumber: String!
    """
    SHIP, PICKUP or SHIP_TO_STORE.
    """
    method: FulfillmentMethod!
    """
    Where it stands after this change: CLOSED or CANCELLED means it leaves the pick list.
    """
    status: FulfillmentOrderStatus!
    """
    Rises by one with every change of this fulfilment order: drop an item older than the one you have.
    """
    version: Int!
    """
    When the change committed (for a SNAPSHOT, when it last changed); pass the latest one seen as \`since\` to resume.
    """
    occurredAt: DateTime!
    """
    The fulfilment order as it stands now (lines, location, destination…), resolved through the supergraph; null if
    the caller may no longer see it, or (with an error) if orders is unavailable. Its own \`version\` may be newer than this item's.
    """
    fulfillmentOrder: FulfillmentOrder
  }

  """
  Live updates over graphql-ws (\`ws://…/graphql\`), served by the gateway itself.
  """
  type Subscription {
    """
    Live stock: first a SNAPSHOT item per matching level, then every CHANGE as it commits. With
    \`since\`, levels resume after the versions given (what was missed is replayed), others snapshot.
    Kiosk tokens see their own location only.
    """
    stockChanged(
      "Only these SKUs (at most 250); all when omitted."
      skus: [String!]
      "Only these locations (at most 250); all when omitted. A kiosk token is held to its own location."
      locationIds: [ID!]
      "The last version seen per SKU and location, to resume after a dropped connection: missed changes are replayed."
      since: [StockCursorInput!]
    ): StockChange!
    """
    Levels falling to or below their low-stock threshold.
    """
    lowStockAlert("Only these locations; all when omitted." locationIds: [ID!]): LowStockAlert!
    """
    A store's live pick list: first a SNAPSHOT item per open fulfilment order leaving from or collected at the location,
    then a CHANGED item as each change commits (a new order, marked ready, shipped, cancelled, moved away). With \`since\`,
    instead of the snapshot, what changed after it in every status. Staff of that store only; managers and admins any.
    """
    fulfillmentOrdersChanged(
      "The location whose pick list to follow."
      locationId: ID!
      "Resume after a dropped connection: the latest \`occurredAt\` seen. Repeats are possible; drop them by \`version\`."
      since: DateTime
    ): FulfillmentOrderChange!
  }
`;
