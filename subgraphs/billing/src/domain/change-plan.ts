import { itemKeys, type BilledItem, type PlannedItem } from './billed-items';
import { oneTimeCharge, prorationAmount } from './charges';
import { periodContaining, type BillingPeriod } from './periods';
import { isRecurring, type Subscription, type SubscriptionLine, type TermChange } from './subscription';

/**
 * What one product's change bills: a PRORATION line for the rest of the period it falls in, a
 * ONE_TIME line for an added one-time product, and on cancellation a CREDIT for every period
 * billed in advance that now lies after the service ended.
 */
export function planChange(
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
