import { runMutation, sql, type MutationOutcome } from '#platform/db';
import { Money, moneyInputToMinor, UserError, UserErrorsException } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { OrdersContext } from '../context';
import { ShippingRate, ShippingZone, TaxRate } from '../entities';
import { OrdersErrorCode } from '../errors';
import { countryErrors } from '../rules/cart-input';
import { MAX_FIELD_LENGTH } from '../rules/cart-limits';
import { basisPointsToPercent, percentToBasisPoints } from '../rules/percent';
import type { ShippingZoneInput, ShippingZoneView, TaxRateSetInput, TaxRateView } from '../types/shop-config.types';
import { readShopConfig } from './shop-config.service';

/** Every tax rate, by country. */
export async function listTaxRates(ctx: OrdersContext): Promise<TaxRateView[]> {
  const rows = await ctx.em.find(TaxRate, {}, { orderBy: { countryCode: 'asc', region: 'asc', taxClass: 'asc' } });
  return rows.map(taxRateView);
}

/** Every zone with its rates. */
export async function listShippingZones(ctx: OrdersContext): Promise<ShippingZoneView[]> {
  const { zones } = await readShopConfig(ctx);
  return zones.map((zone) => ({
    id: zone.id,
    name: zone.name,
    countries: zone.countries,
    rates: zone.rates.map((rate) => ({
      id: rate.id,
      name: rate.name,
      price: Money.fromMinor(rate.priceMinor, ctx.currencyCode),
      freeAbove: rate.freeAboveMinor === null ? null : Money.fromMinor(rate.freeAboveMinor, ctx.currencyCode),
      minDays: rate.minDays,
      maxDays: rate.maxDays,
    })),
  }));
}

/** Managers: sets (or replaces) a destination's rate for a class. */
export async function setTaxRate(ctx: OrdersContext, input: TaxRateSetInput): Promise<MutationOutcome<TaxRateView>> {
  const errors = countryErrors(input.countryCode, ['input', 'countryCode'], true);
  const basisPoints = percentToBasisPoints(input.ratePercent);
  if (basisPoints === null)
    errors.push(new UserError(['input', 'ratePercent'], 'A percentage from 0 to 100 with at most two decimals', OrdersErrorCode.INVALID));
  if (!input.name.trim()) errors.push(new UserError(['input', 'name'], 'A rate needs a name', OrdersErrorCode.BLANK));
  if (input.name.length > MAX_FIELD_LENGTH) errors.push(new UserError(['input', 'name'], 'Too long', OrdersErrorCode.TOO_LONG));
  if (errors.length > 0) return { ok: false, userErrors: errors };
  const countryCode = input.countryCode.trim().toUpperCase();
  const region = input.region?.trim() ? input.region.trim() : null;
  return runMutation(ctx, async (tx) => {
    // One row per destination and class (a unique index): the old rate goes, the new one stays.
    await sql(tx.em, `delete from "${SCHEMA}"."tax_rate" where country_code = ? and coalesce(region, '') = ? and tax_class = ?`, [
      countryCode,
      region ?? '',
      input.taxClass,
    ]);
    const rate = tx.em.create(TaxRate, {
      countryCode,
      region,
      taxClass: input.taxClass,
      rateBasisPoints: basisPoints!,
      name: input.name.trim(),
    });
    await tx.em.flush();
    return taxRateView(rate);
  });
}

/** Managers: a zone and its rates; a country already in another zone is refused. */
export async function createShippingZone(ctx: OrdersContext, input: ShippingZoneInput): Promise<MutationOutcome<ShippingZoneView>> {
  const errors: UserError[] = [];
  if (!input.name.trim()) errors.push(new UserError(['input', 'name'], 'A zone needs a name', OrdersErrorCode.BLANK));
  if (input.countries.length === 0) errors.push(new UserError(['input', 'countries'], 'A zone needs a country', OrdersErrorCode.BLANK));
  input.countries.forEach((country, index) => errors.push(...countryErrors(country, ['input', 'countries', index], true)));
  const rates = input.rates.map((rate, index) => {
    const path = ['input', 'rates', String(index)];
    const price = moneyInputToMinor(rate.price, [...path, 'price'], ctx.currencyCode, { allowZero: true, noun: 'price' });
    const freeAbove = rate.freeAbove
      ? moneyInputToMinor(rate.freeAbove, [...path, 'freeAbove'], ctx.currencyCode, { allowZero: true, noun: 'amount' })
      : null;
    if (price instanceof UserError) errors.push(price);
    if (freeAbove instanceof UserError) errors.push(freeAbove);
    if (!rate.name.trim()) errors.push(new UserError([...path, 'name'], 'A rate needs a name', OrdersErrorCode.BLANK));
    if (rate.minDays < 0 || rate.maxDays < rate.minDays)
      errors.push(new UserError([...path, 'maxDays'], 'Days from 0, the most at least the fewest', OrdersErrorCode.INVALID));
    return { rate, price, freeAbove };
  });
  if (errors.length > 0) return { ok: false, userErrors: errors };
  const countries = [...new Set(input.countries.map((country) => country.trim().toUpperCase()))];
  const outcome = await runMutation(ctx, async (tx) => {
    const taken = await sql<{ country: string }>(
      tx.em,
      `select distinct unnest(countries) as country from "${SCHEMA}"."shipping_zone" where countries && ?::text[]`,
      [countries],
    );
    if (taken.length > 0) {
      throw new UserErrorsException([
        new UserError(['input', 'countries'], `Already in another zone: ${taken.map((t) => t.country).join(', ')}`, OrdersErrorCode.TAKEN),
      ]);
    }
    const zone = tx.em.create(ShippingZone, { name: input.name.trim(), countries, createdAt: new Date() });
    rates.forEach(({ rate, price, freeAbove }, position) =>
      tx.em.create(ShippingRate, {
        zoneId: zone.id,
        name: rate.name.trim(),
        priceMinor: price as number,
        freeAboveMinor: freeAbove as number | null,
        minDays: rate.minDays,
        maxDays: rate.maxDays,
        position,
      }),
    );
    await tx.em.flush();
    return zone.id;
  });
  if (!outcome.ok) return outcome;
  ctx.pricing.config = undefined;
  const zone = (await listShippingZones(ctx)).find((candidate) => candidate.id === outcome.value)!;
  return { ok: true, value: zone };
}

/** Managers: removes a zone and its rates; carts that chose one of them are warned DELIVERY_UNAVAILABLE. */
export async function deleteShippingZone(ctx: OrdersContext, id: string): Promise<MutationOutcome<string>> {
  return runMutation(ctx, async (tx) => {
    const deleted = await sql(tx.em, `delete from "${SCHEMA}"."shipping_zone" where id::text = ? returning id`, [id]);
    if (deleted.length === 0)
      throw new UserErrorsException([new UserError(['id'], 'No shipping zone has this id', OrdersErrorCode.NOT_FOUND)]);
    await sql(tx.em, `delete from "${SCHEMA}"."shipping_rate" where zone_id::text = ?`, [id]);
    return id;
  });
}

function taxRateView(rate: TaxRate): TaxRateView {
  return {
    id: rate.id,
    countryCode: rate.countryCode,
    region: rate.region,
    taxClass: rate.taxClass,
    ratePercent: basisPointsToPercent(rate.rateBasisPoints),
    name: rate.name,
  };
}
