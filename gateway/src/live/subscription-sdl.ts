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
    sku: String!
    location: Location!
    onHand: Int!
    reserved: Int!
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
    sku: String!
    location: Location!
    available: Int!
    lowStockThreshold: Int!
    version: Int!
    occurredAt: DateTime!
    variant: ProductVariant
  }

  type Subscription {
    """
    Live stock: first a SNAPSHOT item per matching level, then every CHANGE as it commits. With
    \`since\`, levels resume after the versions given (what was missed is replayed), others snapshot.
    Kiosk tokens see their own location only.
    """
    stockChanged(skus: [String!], locationIds: [ID!], since: [StockCursorInput!]): StockChange!
    """
    Levels falling to or below their low-stock threshold.
    """
    lowStockAlert(locationIds: [ID!]): LowStockAlert!
  }
`;
