/**
 * The live part of the API that only our gateway serves: the pick list, read from the orders
 * outbox. `stockChanged` and `lowStockAlert` come from the inventory subgraph's schema (which
 * serves them too, for other gateways). @apollo/gateway executes no subscriptions, so the
 * gateway serves all of them itself over graphql-ws; `npm run compose` adds these to schema/api.graphql.
 */
export const SUBSCRIPTION_SDL = /* GraphQL */ `
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

  extend type Subscription {
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
