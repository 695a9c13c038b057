import type { BusinessDate } from '@rg/kit';
import { itemKeys, type BilledItem, type BillingPlan, type PlannedItem, type UsageMonth } from './billed-items';
import { planChange } from './change-plan';
import { oneTimeCharge, recurringCharge } from './charges';
import { billingPeriods } from './periods';
import { isRecurring, quantityBefore, serviceEnd, type Subscription } from './subscription';
import { planUsage } from './usage-plan';

/** Everything of one subscription that is due up to asOf and not billed yet. */
export function planBilling(s: Subscription, billed: readonly BilledItem[], usage: readonly UsageMonth[], asOf: BusinessDate): BillingPlan {
  const claimed = new Set(billed.map((b) => `${b.productCode}|${b.itemKey}`));
  const isBilled = (productCode: string, key: string) => claimed.has(`${productCode}|${key}`);
  const periods = billingPeriods(s.startDate, s.endDate, s.billingFrequency);
  const items: PlannedItem[] = [];
  const usageSummaries: UsageMonth[] = [];
  const lastServiceDay = serviceEnd(s);
  const started = s.startDate <= asOf && s.startDate <= lastServiceDay;

  for (const line of s.lines) {
    if (isRecurring(line.chargeModel)) {
      for (const p of periods) {
        if (p.start > asOf || p.start > lastServiceDay || isBilled(line.productCode, itemKeys.period(p.start))) continue;
        const quantity = quantityBefore(line, s.changes, p.start);
        if (quantity <= 0) continue;
        items.push({
          productCode: line.productCode,
          itemKey: itemKeys.period(p.start),
          quantity: BigInt(quantity),
          amountMinor: recurringCharge(quantity, line.unitMicros, p.months, s.currency),
          line: { kind: 'RECURRING', quantity: BigInt(quantity), description: `${line.productName} ${p.start} to ${p.end}`, periodStart: p.start, periodEnd: p.end, amendmentId: null },
        });
      }
    } else if (line.chargeModel === 'ONE_TIME') {
      if (started && line.initialQuantity > 0 && !isBilled(line.productCode, itemKeys.once)) {
        items.push({
          productCode: line.productCode,
          itemKey: itemKeys.once,
          quantity: BigInt(line.initialQuantity),
          amountMinor: oneTimeCharge(line.initialQuantity, line.unitMicros, s.currency),
          line: { kind: 'ONE_TIME', quantity: BigInt(line.initialQuantity), description: line.productName, periodStart: null, periodEnd: null, amendmentId: null },
        });
      }
    } else {
      const summary = planUsage(s, line, billed, usage, asOf, periods);
      items.push(...summary.items);
      usageSummaries.push(...summary.usageSummaries);
    }
  }

  for (const change of s.changes) {
    if (change.effectiveDate > asOf) continue;
    const line = s.lines.find((l) => l.productCode === change.productCode);
    if (!line) continue;
    items.push(...planChange(s, line, change, periods, billed, isBilled));
  }
  return { items, usageSummaries };
}
