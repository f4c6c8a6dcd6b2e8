import { shippingOptions } from './shipping';
import type { ShippingZone } from './types';

const zones: ShippingZone[] = [
  {
    id: 'eu',
    name: 'European Union',
    countries: ['DE', 'AT', 'FR'],
    rates: [
      { id: 'eu-standard', name: 'Standard', priceMinor: 495, freeAboveMinor: 5000, minDays: 2, maxDays: 4 },
      { id: 'eu-express', name: 'Express', priceMinor: 1295, freeAboveMinor: null, minDays: 1, maxDays: 1 },
    ],
  },
  {
    id: 'uk',
    name: 'United Kingdom',
    countries: ['GB'],
    rates: [{ id: 'uk-standard', name: 'Standard', priceMinor: 899, freeAboveMinor: 10_000, minDays: 3, maxDays: 6 }],
  },
  {
    id: 'dach',
    name: 'Listed again',
    countries: ['AT', 'CH'],
    rates: [{ id: 'ch', name: 'Post', priceMinor: 1500, freeAboveMinor: null, minDays: 3, maxDays: 5 }],
  },
];

describe('shippingOptions', () => {
  it('offers the zone rates at their price below the free threshold', () => {
    expect(shippingOptions(zones, 'DE', 4999)).toEqual([
      {
        zoneId: 'eu',
        rateId: 'eu-standard',
        name: 'Standard',
        priceMinor: 495,
        effectivePriceMinor: 495,
        free: false,
        minDays: 2,
        maxDays: 4,
      },
      {
        zoneId: 'eu',
        rateId: 'eu-express',
        name: 'Express',
        priceMinor: 1295,
        effectivePriceMinor: 1295,
        free: false,
        minDays: 1,
        maxDays: 1,
      },
    ]);
  });

  it('makes a rate free from its threshold on, and only that rate', () => {
    const options = shippingOptions(zones, 'FR', 5000);
    expect(options.map((option) => [option.rateId, option.effectivePriceMinor, option.free])).toEqual([
      ['eu-standard', 0, true],
      ['eu-express', 1295, false],
    ]);
  });

  it('matches the country code whatever its case and spacing', () => {
    expect(shippingOptions(zones, ' gb ', 0).map((option) => option.rateId)).toEqual(['uk-standard']);
  });

  it('offers nothing to a country in no zone', () => {
    expect(shippingOptions(zones, 'US', 100_000)).toEqual([]);
    expect(shippingOptions([], 'DE', 0)).toEqual([]);
  });

  it('takes the first zone listed for a country listed twice', () => {
    expect(shippingOptions(zones, 'AT', 0).map((option) => option.zoneId)).toEqual(['eu', 'eu']);
    expect(shippingOptions(zones, 'CH', 0).map((option) => option.rateId)).toEqual(['ch']);
  });
});
