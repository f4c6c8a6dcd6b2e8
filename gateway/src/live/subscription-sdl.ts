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
  }
`;
