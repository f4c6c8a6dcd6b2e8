/** Cart pricing: one pure function from what was gathered for a cart to its lines, cost, warnings, codes and delivery options. */
export { priceCart } from './price-cart';
export { countedLines } from './counted-lines';
export { chosenShippingListPrice } from './destination';
export type * from './types';
