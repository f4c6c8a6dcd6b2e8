import { internalCommand } from '#platform/internal';

/** A federation reference to one of this subgraph's entities, as `_entities` takes it. */
export interface EntityRepresentation<T extends string> {
  __typename: T;
  id: string;
}

/**
 * The segments each customer is in now (promotions asks, for a basket whose discounts target
 * segments). Needs a staff or SERVICE token; a merged-away id answers with the customer it went
 * into, an unknown one with null. One entry per representation, in order.
 */
export const CustomerSegments = internalCommand<
  { representations: EntityRepresentation<'Customer'>[] },
  ({ id: string; segments: { id: string }[] } | null)[]
>(`query CustomerSegments($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Customer { id segments { id } } }
}`);

/**
 * Which of these segment ids exist (promotions checks the segments a discount targets before
 * saving it). Needs a staff or SERVICE token; null for an id that names no segment.
 */
export const KnownSegments = internalCommand<
  { representations: EntityRepresentation<'Segment'>[] },
  ({ id: string } | null)[]
>(`query KnownSegments($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Segment { id } }
}`);

/**
 * Who each customer is now: a merged-away id answers with the customer it went into, an unknown
 * or erased one with null (a till that sold offline to a customer merged since). Staff or SERVICE.
 */
export const CustomersNow = internalCommand<{ representations: EntityRepresentation<'Customer'>[] }, ({ id: string } | null)[]>(
  `query CustomersNow($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Customer { id } }
}`,
);

/** The references `CustomerSegments` and `KnownSegments` take, from ids. */
export function representations<T extends 'Customer' | 'Segment'>(typename: T, ids: readonly string[]): EntityRepresentation<T>[] {
  return ids.map((id) => ({ __typename: typename, id }));
}
