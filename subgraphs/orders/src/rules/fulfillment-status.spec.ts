import { fulfillmentStatus } from './fulfillment-status';

const line = (quantity: number, fulfilled: number, returned = 0, cancelled = 0) => ({
  quantity,
  quantityFulfilled: fulfilled,
  quantityReturned: returned,
  quantityCancelled: cancelled,
});

describe('fulfillmentStatus with returns', () => {
  it('is PARTIALLY_RETURNED while some units that left came back', () => {
    expect(fulfillmentStatus([line(2, 2, 1)])).toBe('PARTIALLY_RETURNED');
    expect(fulfillmentStatus([line(1, 1, 1), line(1, 1)])).toBe('PARTIALLY_RETURNED');
  });

  it('is RETURNED once every unit that left is back and nothing is left to send', () => {
    expect(fulfillmentStatus([line(2, 2, 2)])).toBe('RETURNED');
    expect(fulfillmentStatus([line(3, 2, 2, 1)])).toBe('RETURNED');
  });

  it('is PARTIALLY_RETURNED, not RETURNED, while units are still to be sent', () => {
    expect(fulfillmentStatus([line(3, 2, 2)])).toBe('PARTIALLY_RETURNED');
  });

  it('keeps the fulfilment statuses when nothing came back', () => {
    expect(fulfillmentStatus([line(2, 2)], { collected: true, ready: true })).toBe('PICKED_UP');
    expect(fulfillmentStatus([line(2, 1)])).toBe('PARTIALLY_FULFILLED');
  });
});
