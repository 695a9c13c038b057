import type { BilledItem, PlannedItem } from '../../src/domain/billed-items';
import { planBilling } from '../../src/domain/billing-plan';
import type { SubscriptionLine } from '../../src/domain/subscription';
import { acmeLines, subscription } from './fixtures';

const claim = (items: PlannedItem[]): BilledItem[] =>
  items.map(({ productCode, itemKey, quantity, amountMinor }) => ({ productCode, itemKey, quantity, amountMinor }));
const summary = (items: PlannedItem[]) => items.filter((i) => i.line).map((i) => [i.line!.kind, i.productCode, Number(i.line!.quantity), Number(i.amountMinor) / 100]);

const seatsOnly = acmeLines.filter((l) => l.productCode === 'SEAT');
const addon: SubscriptionLine = { productCode: 'ONBOARDING', productName: 'Onboarding services', chargeModel: 'ONE_TIME', initialQuantity: 0, unitMicros: 6_000_000_000n, includedUnits: null };
const platformAdded: SubscriptionLine = { ...acmeLines[0], initialQuantity: 0 };

describe('planBilling: amendments', () => {
  it('prorates a product added mid-period and bills it in full from the next period', () => {
    const s = subscription({
      lines: [...seatsOnly, platformAdded],
      changes: [{ amendmentId: 'amd_add', productCode: 'PLATFORM', kind: 'ADD_PRODUCT', effectiveDate: '2026-02-15', quantityBefore: 0, quantityAfter: 1 }],
    });
    let billed = claim(planBilling(s, [], [], '2026-02-01').items);
    expect(billed.map((b) => b.productCode)).toEqual(['SEAT', 'SEAT']);
    const feb = planBilling(s, billed, [], '2026-02-15');
    // 1,600.00 x 14/28
    expect(summary(feb.items)).toEqual([['PRORATION', 'PLATFORM', 1, 800]]);
    billed = [...billed, ...claim(feb.items)];
    expect(summary(planBilling(s, billed, [], '2026-03-01').items)).toEqual([
      ['RECURRING', 'SEAT', 10, 500],
      ['RECURRING', 'PLATFORM', 1, 1600],
    ]);
  });

  it('bills a one-time product an amendment adds once, on the next run', () => {
    const s = subscription({
      lines: [...seatsOnly, addon],
      changes: [{ amendmentId: 'amd_ob', productCode: 'ONBOARDING', kind: 'ADD_PRODUCT', effectiveDate: '2026-03-10', quantityBefore: 0, quantityAfter: 1 }],
    });
    const billed = claim(planBilling(s, [], [], '2026-03-01').items);
    const plan = planBilling(s, billed, [], '2026-03-10');
    expect(summary(plan.items)).toEqual([['ONE_TIME', 'ONBOARDING', 1, 6000]]);
    expect(planBilling(s, [...billed, ...claim(plan.items)], [], '2026-04-01').items.map((i) => i.productCode)).toEqual(['SEAT']);
  });

  it('bills a change on a period boundary in full whether it arrives before or after the period was billed', () => {
    const change = { amendmentId: 'amd_b', productCode: 'SEAT', kind: 'QUANTITY_CHANGE' as const, effectiveDate: '2026-04-01', quantityBefore: 10, quantityAfter: 12 };
    const s = subscription({ lines: seatsOnly });
    const throughMarch = claim(planBilling(s, [], [], '2026-03-01').items);
    // Known before April is billed: April bills the old quantity plus a full-period proration.
    const early = planBilling({ ...s, changes: [change] }, throughMarch, [], '2026-04-01');
    // Known only after April was billed: the proration alone follows.
    const aprilBilled = [...throughMarch, ...claim(planBilling(s, throughMarch, [], '2026-04-01').items)];
    const late = planBilling({ ...s, changes: [change] }, aprilBilled, [], '2026-04-02');
    const total = (items: PlannedItem[]) => items.reduce((a, i) => a + i.amountMinor, 0n);
    expect(total(early.items)).toBe(60_000n);
    expect(total(late.items) + 50_000n).toBe(60_000n);
    expect(summary(planBilling({ ...s, changes: [change] }, [...aprilBilled, ...claim(late.items)], [], '2026-05-01').items)).toEqual([['RECURRING', 'SEAT', 12, 600]]);
  });

  it('bills nothing for an amendment dated after the run', () => {
    const s = subscription({
      lines: seatsOnly,
      changes: [{ amendmentId: 'amd_f', productCode: 'SEAT', kind: 'QUANTITY_CHANGE', effectiveDate: '2026-03-16', quantityBefore: 10, quantityAfter: 15 }],
    });
    const billed = claim(planBilling(s, [], [], '2026-03-01').items);
    expect(planBilling(s, billed, [], '2026-03-15').items).toEqual([]);
  });
});
