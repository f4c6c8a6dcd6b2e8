/** The SHIP routing rule's public surface: one pure function, its contract, and the distance it ranks by. */
export { routeOrder } from './route-order';
export { haversineKm } from './haversine';
/** Above this many locations holding something the order needs, the fewest-packages search is greedy. */
export { EXACT_ROUTING_LIMIT } from './fewest-packages';
/** Thrown for malformed input (a fractional quantity, coordinates off the globe); `code` is INVALID_ROUTING_INPUT. */
export { RoutingInputError } from './validate';
export type * from './types';
