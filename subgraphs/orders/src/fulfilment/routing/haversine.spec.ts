import { haversineKm } from './haversine';

const BERLIN = { latitude: 52.52, longitude: 13.405 };
const MUNICH = { latitude: 48.1351, longitude: 11.582 };

describe('haversineKm', () => {
  it('measures known great-circle distances', () => {
    expect(haversineKm(BERLIN, MUNICH)).toBeCloseTo(504.4, 1);
    expect(haversineKm({ latitude: 48.8566, longitude: 2.3522 }, { latitude: 51.5074, longitude: -0.1278 })).toBeCloseTo(343.6, 1);
  });

  it('is zero at the same point, symmetric, and half the circumference between antipodes', () => {
    expect(haversineKm(BERLIN, BERLIN)).toBe(0);
    expect(haversineKm(MUNICH, BERLIN)).toBe(haversineKm(BERLIN, MUNICH));
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(Math.PI * 6371.0088, 6);
    expect(haversineKm({ latitude: 90, longitude: 0 }, { latitude: -90, longitude: 0 })).toBeCloseTo(Math.PI * 6371.0088, 6);
  });

  it('takes the short way across the antimeridian', () => {
    expect(haversineKm({ latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 })).toBeCloseTo(111.2, 1);
  });
});
