import { addDays, addMonths, daysBetween, divRound, MICRO_DIGITS, minorDigits, type BusinessDate } from '@rg/kit';
import type { BillingFrequency } from '@rg/kit';

export const MONTHS_PER_PERIOD: Record<BillingFrequency, number> = { MONTHLY: 1, QUARTERLY: 3, ANNUAL: 12 };

export interface ContractCalendar {
  startDate: BusinessDate;
  endDate: BusinessDate;
  termMonths: number;
  billingFrequency: BillingFrequency;
}

export interface BillingPeriod {
  index: number;
  start: BusinessDate;
  end: BusinessDate;
  months: number;
}

/** The billing period (aligned to the contract start) that contains `date`. */
export function periodContaining(c: ContractCalendar, date: BusinessDate): BillingPeriod {
  const months = MONTHS_PER_PERIOD[c.billingFrequency];
  let index = 0;
  while (addMonths(c.startDate, (index + 1) * months) <= date) index += 1;
  return {
    index,
    start: addMonths(c.startDate, index * months),
    end: addDays(addMonths(c.startDate, (index + 1) * months), -1),
    months,
  };
}

/**
 * What billing charges (positive) or credits (negative) for a quantity change of a recurring line
 * from `effective` to the contract end: the proration of the period containing it,
 * round(Δqty × net × monthsInPeriod × daysRemaining / daysInPeriod), plus Δqty × net × months for
 * each later period of the term.
 */
export function quantityChangeValue(
  c: ContractCalendar,
  effective: BusinessDate,
  quantityDelta: number,
  netUnitPriceMicros: bigint,
  currency: string,
): { proration: bigint; laterPeriods: bigint } {
  const period = periodContaining(c, effective);
  const daysInPeriod = daysBetween(period.start, period.end) + 1;
  const daysRemaining = daysBetween(effective, period.end) + 1;
  const microsPerMinor = 10n ** BigInt(MICRO_DIGITS - minorDigits(currency));
  const delta = BigInt(quantityDelta);
  const proration = divRound(
    delta * netUnitPriceMicros * BigInt(period.months) * BigInt(daysRemaining),
    BigInt(daysInPeriod) * microsPerMinor,
  );
  const monthsAfter = Math.max(0, c.termMonths - (period.index + 1) * period.months);
  const laterPeriods = divRound(delta * netUnitPriceMicros * BigInt(monthsAfter), microsPerMinor);
  return { proration, laterPeriods };
}
