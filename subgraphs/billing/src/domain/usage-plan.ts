import { isValidPeriod, maxDate, minDate, nextPeriod, periodEnd, periodOf, periodStart, type BusinessDate } from '@rg/kit';
import { itemKeys, type BilledItem, type BillingPlan, type PlannedItem, type UsageMonth } from './billed-items';
import { billableUnits, usageCharge } from './charges';
import type { BillingPeriod } from './periods';
import { serviceEnd, type Subscription, type SubscriptionLine } from './subscription';

/**
 * The day a usage month is billed: with the first recurring invoice after the month ends on a
 * monthly contract, on the first day of the next month otherwise (a usage-only invoice).
 */
export function usageBillingDate(s: Subscription, month: string, periods: readonly BillingPeriod[]): BusinessDate {
  const firstOfNext = periodStart(nextPeriod(month));
  if (s.billingFrequency !== 'MONTHLY') return firstOfNext;
  const next = periods.find((p) => p.start > periodEnd(month) && p.start <= serviceEnd(s));
  return next ? next.start : firstOfNext;
}

export function planUsage(
  s: Subscription,
  line: SubscriptionLine,
  billed: readonly BilledItem[],
  usage: readonly UsageMonth[],
  asOf: BusinessDate,
  periods: readonly BillingPeriod[],
): BillingPlan {
  const items: PlannedItem[] = [];
  const usageSummaries: UsageMonth[] = [];
  const included = line.includedUnits ?? 0n;
  const lastMonth = periodOf(serviceEnd(s));
  for (let month = periodOf(s.startDate); month <= lastMonth && isValidPeriod(month); month = nextPeriod(month)) {
    if (usageBillingDate(s, month, periods) > asOf) break;
    const prefix = `usage:${month}#`;
    const earlier = billed.filter((b) => b.productCode === line.productCode && b.itemKey.startsWith(prefix));
    const used = usage.find((u) => u.productCode === line.productCode && u.month === month)?.used ?? 0n;
    const billedUnits = earlier.reduce((a, b) => a + b.quantity, 0n);
    if (earlier.length > 0 && used === billedUnits) continue;
    const billedAmount = earlier.reduce((a, b) => a + b.amountMinor, 0n);
    const amountMinor = usageCharge(used, included, line.unitMicros, s.currency) - billedAmount;
    const n = earlier.reduce((max, b) => Math.max(max, Number(b.itemKey.slice(prefix.length)) + 1), 0);
    const correction = earlier.length > 0;
    items.push({
      productCode: line.productCode,
      itemKey: itemKeys.usage(month, n),
      quantity: used - billedUnits,
      amountMinor,
      line:
        amountMinor === 0n
          ? null
          : {
              kind: 'USAGE',
              quantity: billableUnits(used, included) - billableUnits(billedUnits, included),
              description: correction
                ? `${line.productName} ${month}: late usage of ${used - billedUnits} (correction; ${used} used, ${included} included)`
                : `${line.productName} ${month}: ${used} used, ${included} included`,
              periodStart: maxDate(periodStart(month), s.startDate),
              periodEnd: minDate(periodEnd(month), serviceEnd(s)),
              amendmentId: null,
            },
    });
    usageSummaries.push({ productCode: line.productCode, month, used });
  }
  return { items, usageSummaries };
}
