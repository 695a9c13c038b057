import { addDays, addMonths, daysBetween, type BillingFrequency, type BusinessDate } from '@rg/kit';

/** A billing period of a contract: aligned to its start date, clipped to its end date. */
export interface BillingPeriod {
  start: BusinessDate;
  end: BusinessDate;
  /** Whole months the period covers: the multiplier of a monthly price. */
  months: number;
}

export const MONTHS_PER_PERIOD: Record<BillingFrequency, number> = { MONTHLY: 1, QUARTERLY: 3, ANNUAL: 12 };

/**
 * The billing periods of a term. Each boundary is computed from the start date (not from the
 * previous boundary) so a contract starting on the 31st does not drift to the 28th.
 */
export function billingPeriods(startDate: BusinessDate, endDate: BusinessDate, frequency: BillingFrequency): BillingPeriod[] {
  const step = MONTHS_PER_PERIOD[frequency];
  const periods: BillingPeriod[] = [];
  for (let k = 0; ; k++) {
    const start = addMonths(startDate, k * step);
    if (start > endDate) break;
    let months = 1;
    while (months < step && lastDayOfMonths(startDate, k * step + months) < endDate) months += 1;
    const fullEnd = lastDayOfMonths(startDate, k * step + months);
    periods.push({ start, end: fullEnd < endDate ? fullEnd : endDate, months });
  }
  return periods;
}

const lastDayOfMonths = (startDate: BusinessDate, months: number) => addDays(addMonths(startDate, months), -1);

export const periodContaining = (periods: readonly BillingPeriod[], date: BusinessDate): BillingPeriod | null =>
  periods.find((p) => p.start <= date && date <= p.end) ?? null;

export const daysInPeriod = (p: { start: BusinessDate; end: BusinessDate }): number => daysBetween(p.start, p.end) + 1;
