/**
 * A cart's figures from what was gathered for it: catalog prices, stock, the promotions
 * evaluation, tax rates and shipping rates. Pure: the same input gives the same cart everywhere,
 * whichever channel asks. Money goes through the pricing engine, so lines, taxes and totals agree
 * to the cent.
 */
import { priceOrder, type ShippingRate } from '../pricing';
import { countedLines, isCounted } from './counted-lines';
import { deliveryOptions } from './delivery-options';
import { chosenRate, shipCountry, taxDestination } from './destination';
import { availableFor } from './stock';
import { taxRatesFor } from './tax-rates';
import type { CartPricing, CartPricingInput, CartWarningValue, DeliveryOptionValue, PricedCartLine } from './types';

export function priceCart(input: CartPricingInput): CartPricing {
  const { catalog, evaluation, delivery } = input;
  const counted = countedLines(input.lines, catalog);
  const destination = taxDestination(delivery, input.buyerCountryCode, input.availability, input.shopCountryCode);
  const tax = taxRatesFor(input.taxRates, destination, input.shopCountryCode);

  const subtotalAfterDiscounts = counted.reduce(
    (sum, { line, row }) => sum + line.quantity * row.unitPriceMinor - sumOf(evaluation.allocations.get(line.id) ?? []),
    0,
  );
  const rate = chosenRate(input.zones, delivery, input.buyerCountryCode);
  const shipping = shippingCharge(rate, subtotalAfterDiscounts, evaluation.shippingDiscountMinor);
  const priced = priceOrder({
    lines: counted.map(({ line, row }) => ({
      id: line.id,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceMinor: row.unitPriceMinor,
      taxClass: row.taxClass,
    })),
    discounts: counted.map(({ line }) => ({
      lineId: line.id,
      allocations: (evaluation.allocations.get(line.id) ?? []).map((a) => ({ discountId: a.discountId, amountMinor: a.amountMinor })),
    })),
    shipping,
    taxRates: tax.rates,
    pricesIncludeTax: input.pricesIncludeTax,
  });
  const pricedById = new Map(priced.lines.map((line) => [line.id, line]));

  const lines: PricedCartLine[] = input.lines.map((line) => {
    const row = catalog.get(line.sku) ?? null;
    const figures = pricedById.get(line.id);
    return {
      id: line.id,
      sku: line.sku,
      quantity: line.quantity,
      catalog: row,
      counted: figures !== undefined,
      unitPriceMinor: row?.unitPriceMinor ?? line.priceAtAddMinor ?? 0,
      compareAtMinor: row?.compareAtMinor ?? null,
      allocations: figures ? (evaluation.allocations.get(line.id) ?? []) : [],
      subtotalMinor: figures?.subtotalMinor ?? 0,
      discountMinor: figures?.discountMinor ?? 0,
      taxMinor: figures?.taxMinor ?? 0,
      taxLines: figures?.taxLines ?? [],
      totalMinor: figures?.totalMinor ?? 0,
    };
  });

  const options = deliveryOptions(
    input.lines,
    input.zones,
    shipCountry(delivery, input.buyerCountryCode),
    subtotalAfterDiscounts,
    input.availability,
    input.shipToStoreDays,
  );
  const chosen = chosenOption(options, delivery);
  const warnings = lineWarnings(input);
  if (delivery && !chosen) {
    warnings.push({
      code: 'DELIVERY_UNAVAILABLE',
      message: 'The chosen delivery is not offered for this cart any more; choose another.',
      lineId: null,
      quantityAvailable: null,
    });
  }
  const { totals } = priced;
  return {
    lines,
    cost: {
      subtotalMinor: totals.subtotalMinor,
      discountTotalMinor: totals.discountTotalMinor,
      shippingMinor: totals.shippingMinor,
      shippingDiscountMinor: totals.shippingDiscountMinor,
      taxTotalMinor: totals.taxTotalMinor,
      totalMinor: totals.totalMinor,
      taxLines: totals.taxLines,
      pricesIncludeTax: input.pricesIncludeTax,
      taxCountryCode: tax.countryCode,
    },
    warnings,
    codes: input.codes.map((code) => {
      const rejected = evaluation.rejectedCodes.get(code.toUpperCase());
      return { code, applicable: !rejected, reason: rejected?.reason ?? null, message: rejected?.message ?? null };
    }),
    deliveryOptions: options,
    delivery: chosen,
  };
}

/** Free from the rate's threshold on; otherwise its price less what promotions took off it. */
function shippingCharge(rate: ShippingRate | null, subtotalAfterDiscountsMinor: number, discountMinor: number) {
  if (!rate) return { beforeDiscountMinor: 0, afterDiscountMinor: 0 };
  const free = rate.freeAboveMinor !== null && subtotalAfterDiscountsMinor >= rate.freeAboveMinor;
  const before = free ? 0 : rate.priceMinor;
  return { beforeDiscountMinor: before, afterDiscountMinor: before - Math.min(before, discountMinor) };
}

function chosenOption(options: readonly DeliveryOptionValue[], delivery: CartPricingInput['delivery']): DeliveryOptionValue | null {
  if (!delivery) return null;
  return (
    options.find(
      (option) =>
        option.method === delivery.method &&
        (delivery.method === 'SHIP' ? option.shippingRateId === delivery.shippingRateId : option.locationId === delivery.locationId),
    ) ?? null
  );
}

/** What the shopper can fix, line by line: nothing here fails the cart. */
function lineWarnings(input: CartPricingInput): CartWarningValue[] {
  const warnings: CartWarningValue[] = [];
  for (const line of input.lines) {
    const row = input.catalog.get(line.sku);
    const warn = (code: CartWarningValue['code'], message: string, quantityAvailable: number | null = null) =>
      warnings.push({ code, message, lineId: line.id, quantityAvailable });
    if (!row || row.status === 'DRAFT') {
      warn('NOT_AVAILABLE_ON_CHANNEL', `${line.sku} is not for sale.`);
      continue;
    }
    if (row.status === 'ARCHIVED') {
      warn('PRODUCT_ARCHIVED', `${line.sku} is no longer sold.`);
      continue;
    }
    if (!isCounted(row)) {
      warn('NOT_AVAILABLE_ON_CHANNEL', `${line.sku} is not sold on ${input.channel}.`);
      continue;
    }
    const available = availableFor(input.availability, line.sku, input.delivery);
    if (available <= 0) warn('OUT_OF_STOCK', `${line.sku} is out of stock.`, 0);
    else if (available < line.quantity) warn('NOT_ENOUGH_STOCK', `Only ${available} of ${line.sku} can be had.`, available);
    if (line.priceAtAddMinor !== null && line.priceAtAddMinor !== row.unitPriceMinor) {
      warn('PRICE_CHANGED', `The price of ${line.sku} changed since it was added.`);
    }
  }
  return warnings;
}

function sumOf(allocations: readonly { amountMinor: number }[]): number {
  return allocations.reduce((sum, allocation) => sum + allocation.amountMinor, 0);
}
