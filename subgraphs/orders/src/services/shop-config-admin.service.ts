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

interface ValidZone {
  name: string;
  countries: string[];
  rates: { id: string | null; name: string; priceMinor: number; freeAboveMinor: number | null; minDays: number; maxDays: number }[];
}

/** A zone's input checked whole: a name, at least one real country, rates with prices and days that make sense. */
function validateZone(
  ctx: OrdersContext,
  input: ShippingZoneInput,
): { ok: true; zone: ValidZone } | { ok: false; userErrors: UserError[] } {
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
    return {
      id: rate.id ?? null,
      name: rate.name.trim(),
      priceMinor: price as number,
      freeAboveMinor: freeAbove as number | null,
      minDays: rate.minDays,
      maxDays: rate.maxDays,
    };
  });
  if (errors.length > 0) return { ok: false, userErrors: errors };
  const countries = [...new Set(input.countries.map((country) => country.trim().toUpperCase()))];
  return { ok: true, zone: { name: input.name.trim(), countries, rates } };
}

/** Refuses countries that another zone already ships to (a country belongs to one zone). */
async function refuseTakenCountries(tx: OrdersContext, countries: string[], exceptZoneId: string | null): Promise<void> {
  const taken = await sql<{ country: string }>(
    tx.em,
    `select distinct c as country from "${SCHEMA}"."shipping_zone", unnest(countries) c
      where countries && ?::text[] and c = any(?::text[]) and id::text <> ?`,
    [countries, countries, exceptZoneId ?? ''],
  );
  if (taken.length > 0) {
    throw new UserErrorsException([
      new UserError(['input', 'countries'], `Already in another zone: ${taken.map((t) => t.country).join(', ')}`, OrdersErrorCode.TAKEN),
    ]);
  }
}

async function answerZone(ctx: OrdersContext, id: string): Promise<MutationOutcome<ShippingZoneView>> {
  ctx.pricing.config = undefined;
  const zone = (await listShippingZones(ctx)).find((candidate) => candidate.id === id)!;
  return { ok: true, value: zone };
}

/** Managers: a zone and its rates; a country already in another zone is refused. */
export async function createShippingZone(ctx: OrdersContext, input: ShippingZoneInput): Promise<MutationOutcome<ShippingZoneView>> {
  const valid = validateZone(ctx, input);
  if (!valid.ok) return valid;
  const { zone: values } = valid;
  const rateIds = values.rates.flatMap((rate, index) => (rate.id ? [index] : []));
  if (rateIds.length > 0) {
    return {
      ok: false,
      userErrors: rateIds.map(
        (index) => new UserError(['input', 'rates', String(index), 'id'], 'A new zone has no rates yet', OrdersErrorCode.INVALID),
      ),
    };
  }
  const outcome = await runMutation(ctx, async (tx) => {
    await refuseTakenCountries(tx, values.countries, null);
    const zone = tx.em.create(ShippingZone, { name: values.name, countries: values.countries, createdAt: new Date() });
    values.rates.forEach(({ id: _id, ...rate }, position) => tx.em.create(ShippingRate, { zoneId: zone.id, ...rate, position }));
    await tx.em.flush();
    return zone.id;
  });
  return outcome.ok ? answerZone(ctx, outcome.value) : outcome;
}

/**
 * Managers: replaces a zone's name, countries and rates. A rate given with its id is changed in
 * place, so carts that chose it keep it at the new price; rates left out are removed (carts that
 * chose them are warned DELIVERY_UNAVAILABLE); rates without an id are new.
 */
export async function updateShippingZone(
  ctx: OrdersContext,
  id: string,
  input: ShippingZoneInput,
): Promise<MutationOutcome<ShippingZoneView>> {
  const valid = validateZone(ctx, input);
  if (!valid.ok) return valid;
  const { zone: values } = valid;
  const outcome = await runMutation(ctx, async (tx) => {
    const [zone] = await sql<{ id: string }>(tx.em, `select id from "${SCHEMA}"."shipping_zone" where id::text = ? for update`, [id]);
    if (!zone) throw new UserErrorsException([new UserError(['id'], 'No shipping zone has this id', OrdersErrorCode.NOT_FOUND)]);
    await refuseTakenCountries(tx, values.countries, zone.id);
    const existing = new Set(
      (await sql<{ id: string }>(tx.em, `select id from "${SCHEMA}"."shipping_rate" where zone_id = ?`, [zone.id])).map((r) => r.id),
    );
    const unknown = values.rates.flatMap((rate, index) => (rate.id && !existing.has(rate.id) ? [index] : []));
    if (unknown.length > 0) {
      throw new UserErrorsException(
        unknown.map(
          (index) =>
            new UserError(['input', 'rates', String(index), 'id'], 'This zone has no rate with this id', OrdersErrorCode.NOT_FOUND),
        ),
      );
    }
    await sql(tx.em, `update "${SCHEMA}"."shipping_zone" set name = ?, countries = ?::text[] where id = ?`, [
      values.name,
      values.countries,
      zone.id,
    ]);
    const kept = values.rates.flatMap((rate) => (rate.id ? [rate.id] : []));
    await sql(tx.em, `delete from "${SCHEMA}"."shipping_rate" where zone_id = ? and not (id = any(?::uuid[]))`, [zone.id, kept]);
    for (const [position, { id: rateId, ...rate }] of values.rates.entries()) {
      if (rateId) {
        await sql(
          tx.em,
          `update "${SCHEMA}"."shipping_rate" set name = ?, price_minor = ?, free_above_minor = ?, min_days = ?, max_days = ?, position = ?
            where id = ?`,
          [rate.name, rate.priceMinor, rate.freeAboveMinor, rate.minDays, rate.maxDays, position, rateId],
        );
      } else {
        tx.em.create(ShippingRate, { zoneId: zone.id, ...rate, position });
      }
    }
    await tx.em.flush();
    return zone.id;
  });
  return outcome.ok ? answerZone(ctx, outcome.value) : outcome;
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
