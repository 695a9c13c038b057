import { isValidPeriod, maxDate, minDate, nextPeriod, periodEnd, periodOf, periodStart, type BusinessDate, type InvoiceLineKind } from '@rg/kit';
import { billableUnits, oneTimeCharge, prorationAmount, recurringCharge, usageCharge } from './charges';
import { billingPeriods, periodContaining, type BillingPeriod } from './periods';
import { isRecurring, quantityBefore, serviceEnd, type Subscription, type SubscriptionLine, type TermChange } from './subscription';

/**
 * Something billed once: the key is unique per contract and product (a period, the one-time
 * charge, an amendment, a usage month), and the database enforces it.
 */
export interface BilledItem {
  productCode: string;
  itemKey: string;
  quantity: bigint;
  amountMinor: bigint;
}

export interface PlannedLine {
  kind: InvoiceLineKind;
  /** What the invoice shows: seats, units, or for usage the billable units above the included tier. */
  quantity: bigint;
  description: string;
  periodStart: BusinessDate | null;
  periodEnd: BusinessDate | null;
  amendmentId: string | null;
}

/** A billed item to claim; `line` is null for a usage month that rates to zero (left off the invoice). */
export interface PlannedItem extends BilledItem {
  line: PlannedLine | null;
}

export interface UsageMonth {
  productCode: string;
  month: string; // "2026-01"
  used: bigint;
}

export interface BillingPlan {
  items: PlannedItem[];
  /** The monthly usage totals this plan bills, for UsageSummarized. */
  usageSummaries: UsageMonth[];
}

export const itemKeys = {
  period: (start: BusinessDate) => `period:${start}`,
  once: 'once',
  amendment: (id: string) => `amendment:${id}`,
  credit: (start: BusinessDate) => `credit:${start}`,
  usage: (month: string, n: number) => `usage:${month}#${n}`,
};

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

function planChange(
  s: Subscription,
  line: SubscriptionLine,
  change: TermChange,
  periods: BillingPeriod[],
  billed: readonly BilledItem[],
  isBilled: (productCode: string, key: string) => boolean,
): PlannedItem[] {
  const key = itemKeys.amendment(change.amendmentId);
  const delta = change.quantityAfter - change.quantityBefore;
  const planned: PlannedItem[] = [];
  if (line.chargeModel === 'ONE_TIME') {
    if (delta > 0 && !isBilled(line.productCode, key) && !(s.cancelledFrom && s.cancelledFrom <= change.effectiveDate)) {
      planned.push({
        productCode: line.productCode,
        itemKey: key,
        quantity: BigInt(delta),
        amountMinor: oneTimeCharge(delta, line.unitMicros, s.currency),
        line: { kind: 'ONE_TIME', quantity: BigInt(delta), description: line.productName, periodStart: null, periodEnd: null, amendmentId: change.amendmentId },
      });
    }
    return planned;
  }
  if (!isRecurring(line.chargeModel)) return planned;

  const period = periodContaining(periods, change.effectiveDate);
  // A period that starts on or after the cancellation is never billed, so nothing in it is prorated.
  const periodBilled = period && !(s.cancelledFrom && period.start >= s.cancelledFrom);
  if (periodBilled && delta !== 0 && !isBilled(line.productCode, key)) {
    const cancellation = change.kind === 'CANCELLATION';
    planned.push({
      productCode: line.productCode,
      itemKey: key,
      quantity: BigInt(delta),
      amountMinor: prorationAmount({ quantityDelta: delta, unitMicros: line.unitMicros, period, effectiveDate: change.effectiveDate, currency: s.currency }),
      line: {
        kind: 'PRORATION',
        quantity: BigInt(delta),
        description: cancellation
          ? `${line.productName}: credit for the unused remainder from ${change.effectiveDate} (cancelled)`
          : `${line.productName}: ${change.quantityBefore} to ${change.quantityAfter} from ${change.effectiveDate}`,
        periodStart: change.effectiveDate,
        periodEnd: period.end,
        amendmentId: change.amendmentId,
      },
    });
  }
  if (change.kind === 'CANCELLATION') {
    // A period billed in advance that now starts after the cancellation is credited in full.
    for (const b of billed) {
      if (b.productCode !== line.productCode || !b.itemKey.startsWith('period:')) continue;
      const start = b.itemKey.slice('period:'.length);
      if (start < change.effectiveDate || isBilled(line.productCode, itemKeys.credit(start))) continue;
      const p = periods.find((x) => x.start === start);
      planned.push({
        productCode: line.productCode,
        itemKey: itemKeys.credit(start),
        quantity: -b.quantity,
        amountMinor: -b.amountMinor,
        line: {
          kind: 'CREDIT',
          quantity: -b.quantity,
          description: `${line.productName}: credit for ${start} to ${p?.end ?? start} (cancelled)`,
          periodStart: start,
          periodEnd: p?.end ?? null,
          amendmentId: change.amendmentId,
        },
      });
    }
  }
  return planned;
}

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

function planUsage(
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

const KIND_ORDER: Record<InvoiceLineKind, number> = { RECURRING: 0, ONE_TIME: 1, USAGE: 2, PRORATION: 3, CREDIT: 4 };

/** Invoice line order: recurring charges first, then one-time, usage, prorations and credits. */
export function invoiceLineOrder(a: PlannedItem, b: PlannedItem): number {
  const ka = a.line ? KIND_ORDER[a.line.kind] : 9;
  const kb = b.line ? KIND_ORDER[b.line.kind] : 9;
  if (ka !== kb) return ka - kb;
  if (a.productCode !== b.productCode) return a.productCode < b.productCode ? -1 : 1;
  return a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0;
}
