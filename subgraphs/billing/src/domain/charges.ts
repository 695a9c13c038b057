import { daysBetween, divRound, MICRO_DIGITS, minorDigits, type BusinessDate } from '@rg/kit';
import { daysInPeriod, type BillingPeriod } from './periods';

/** Unit prices travel in micro-units; amounts are rounded to the currency's minor unit once, here. */
const microsPerMinor = (currency: string): bigint => 10n ** BigInt(MICRO_DIGITS - minorDigits(currency));

/** A recurring period's charge: monthly net price x quantity x months in the period. */
export const recurringCharge = (quantity: number, unitMicros: bigint, months: number, currency: string): bigint =>
  divRound(BigInt(quantity) * unitMicros * BigInt(months), microsPerMinor(currency));

export const oneTimeCharge = (quantity: number, unitMicros: bigint, currency: string): bigint =>
  divRound(BigInt(quantity) * unitMicros, microsPerMinor(currency));

/**
 * round(quantityDelta x netUnitPrice x monthsInPeriod x daysRemaining / daysInPeriod), daysRemaining
 * counting the effective date; one rounding over the whole product so no precision is lost early.
 */
export function prorationAmount(args: {
  quantityDelta: number;
  unitMicros: bigint;
  period: BillingPeriod;
  effectiveDate: BusinessDate;
  currency: string;
}): bigint {
  const { quantityDelta, unitMicros, period, effectiveDate, currency } = args;
  const daysRemaining = daysBetween(effectiveDate, period.end) + 1;
  return divRound(
    BigInt(quantityDelta) * unitMicros * BigInt(period.months) * BigInt(daysRemaining),
    BigInt(daysInPeriod(period)) * microsPerMinor(currency),
  );
}

/** Units above the monthly included tier. */
export const billableUnits = (used: bigint, included: bigint): bigint => (used > included ? used - included : 0n);

/** The charge for a month's usage rated against its included tier. */
export const usageCharge = (used: bigint, included: bigint, unitMicros: bigint, currency: string): bigint =>
  divRound(billableUnits(used, included) * unitMicros, microsPerMinor(currency));
