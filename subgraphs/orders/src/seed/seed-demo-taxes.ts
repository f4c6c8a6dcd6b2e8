import type { EntityManager } from '@mikro-orm/postgresql';
import { ShippingRate, ShippingZone, TaxClass, TaxRate } from '../entities';

/** The VAT rates of the countries the demo shop sells to (2026): standard and reduced, and zero everywhere. */
const VAT: { countryCode: string; standard: number; reduced: number; label: string }[] = [
  { countryCode: 'DE', standard: 1900, reduced: 700, label: 'MwSt.' },
  { countryCode: 'AT', standard: 2000, reduced: 1000, label: 'USt.' },
  { countryCode: 'FR', standard: 2000, reduced: 550, label: 'TVA' },
  { countryCode: 'NL', standard: 2100, reduced: 900, label: 'btw' },
];

/** A domestic zone and an EU zone; standard shipping is free over an amount, express never. */
const ZONES = [
  {
    name: 'Germany',
    countries: ['DE'],
    rates: [
      { name: 'Standard', priceMinor: 495, freeAboveMinor: 10_000, minDays: 1, maxDays: 3 },
      { name: 'Express', priceMinor: 1_295, freeAboveMinor: null, minDays: 1, maxDays: 1 },
    ],
  },
  {
    name: 'European Union',
    countries: ['AT', 'BE', 'DK', 'ES', 'FR', 'IT', 'LU', 'NL', 'PL', 'CZ'],
    rates: [{ name: 'Standard EU', priceMinor: 1_495, freeAboveMinor: 25_000, minDays: 3, maxDays: 6 }],
  },
];

/** Seeds tax rates and shipping zones when there are none; returns what it seeded, or null. */
export async function seedDemoTaxesAndShipping(em: EntityManager): Promise<{ rates: number; zones: number } | null> {
  if ((await em.count(TaxRate)) > 0) return null;
  let rates = 0;
  for (const vat of VAT) {
    const percent = (bp: number) => String(bp / 100).replace('.', ',');
    em.create(TaxRate, {
      countryCode: vat.countryCode,
      taxClass: TaxClass.STANDARD,
      rateBasisPoints: vat.standard,
      name: `${vat.label} ${percent(vat.standard)} %`,
    });
    em.create(TaxRate, {
      countryCode: vat.countryCode,
      taxClass: TaxClass.REDUCED,
      rateBasisPoints: vat.reduced,
      name: `${vat.label} ${percent(vat.reduced)} %`,
    });
    em.create(TaxRate, { countryCode: vat.countryCode, taxClass: TaxClass.ZERO, rateBasisPoints: 0, name: `${vat.label} 0 %` });
    rates += 3;
  }
  for (const zone of ZONES) {
    const created = em.create(ShippingZone, {
      name: zone.name,
      countries: zone.countries,
      createdAt: new Date(Date.now() + ZONES.indexOf(zone)),
    });
    zone.rates.forEach((rate, position) => em.create(ShippingRate, { ...rate, zoneId: created.id, position }));
  }
  await em.flush();
  return { rates, zones: ZONES.length };
}
