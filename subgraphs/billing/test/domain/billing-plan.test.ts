import type { BilledItem, PlannedItem, UsageMonth } from '../../src/domain/billed-items';
import { planBilling } from '../../src/domain/billing-plan';
import type { TermChange } from '../../src/domain/subscription';
import { acmeLines, subscription } from './fixtures';

const lineSummary = (items: PlannedItem[]) =>
  items.filter((i) => i.line).map((i) => [i.line!.kind, i.productCode, Number(i.line!.quantity), Number(i.amountMinor) / 100]);

/** Claims what a plan bills, as the store does when the invoice is posted. */
const claim = (items: PlannedItem[]): BilledItem[] =>
  items.map(({ productCode, itemKey, quantity, amountMinor }) => ({ productCode, itemKey, quantity, amountMinor }));

const seatChange = (id: string, date: string, before: number, after: number, kind: TermChange['kind'] = 'QUANTITY_CHANGE'): TermChange => ({
  amendmentId: id,
  productCode: 'SEAT',
  kind,
  effectiveDate: date,
  quantityBefore: before,
  quantityAfter: after,
});

describe('planBilling: the worked example', () => {
  const usage: UsageMonth[] = [{ productCode: 'API_CALLS', month: '2026-01', used: 1_250_000n }];

  it('walks invoices 1, 2, the proration and April exactly', () => {
    const s = subscription();
    const first = planBilling(s, [], [], '2026-01-01');
    expect(lineSummary(first.items)).toEqual([
      ['RECURRING', 'PLATFORM', 1, 1600],
      ['RECURRING', 'SEAT', 10, 500],
      ['ONE_TIME', 'ONBOARDING', 1, 6000],
    ]);
    let billed = claim(first.items);
    expect(planBilling(s, billed, usage, '2026-01-01').items).toEqual([]);

    const second = planBilling(s, billed, usage, '2026-02-01');
    expect(lineSummary(second.items)).toEqual([
      ['RECURRING', 'PLATFORM', 1, 1600],
      ['RECURRING', 'SEAT', 10, 500],
      ['USAGE', 'API_CALLS', 250_000, 500],
    ]);
    expect(second.usageSummaries).toEqual([{ productCode: 'API_CALLS', month: '2026-01', used: 1_250_000n }]);
    billed = [...billed, ...claim(second.items), ...claim(planBilling(s, [...billed, ...claim(second.items)], usage, '2026-03-01').items)];

    const amended = subscription({ changes: [seatChange('amd_1', '2026-03-16', 10, 15)] });
    const proration = planBilling(amended, billed, usage, '2026-03-16');
    expect(lineSummary(proration.items)).toEqual([['PRORATION', 'SEAT', 5, 129.03]]);
    expect(proration.items[0].line).toMatchObject({ periodStart: '2026-03-16', periodEnd: '2026-03-31', amendmentId: 'amd_1' });
    billed = [...billed, ...claim(proration.items)];

    const april = planBilling(amended, billed, usage, '2026-04-01');
    expect(lineSummary(april.items)).toEqual([
      ['RECURRING', 'PLATFORM', 1, 1600],
      ['RECURRING', 'SEAT', 15, 750],
    ]);
  });

  it('leaves a usage month under the included tier off the invoice but records it as billed', () => {
    const s = subscription();
    const billed = claim(planBilling(s, [], [], '2026-01-01').items);
    const plan = planBilling(s, billed, [{ productCode: 'API_CALLS', month: '2026-01', used: 400_000n }], '2026-02-01');
    const usageItem = plan.items.find((i) => i.productCode === 'API_CALLS')!;
    expect(usageItem).toMatchObject({ itemKey: 'usage:2026-01#0', quantity: 400_000n, amountMinor: 0n, line: null });
    expect(plan.usageSummaries).toEqual([{ productCode: 'API_CALLS', month: '2026-01', used: 400_000n }]);
  });

  it('bills usage of a mid-month monthly contract with the first recurring invoice after the month ends', () => {
    const s = subscription({ startDate: '2026-01-15', endDate: '2027-01-14' });
    const usage = [{ productCode: 'API_CALLS', month: '2026-01', used: 1_100_000n }];
    const billed = claim(planBilling(s, [], usage, '2026-01-15').items);
    expect(planBilling(s, billed, usage, '2026-02-01').items).toEqual([]);
    expect(lineSummary(planBilling(s, billed, usage, '2026-02-15').items)).toEqual([
      ['RECURRING', 'PLATFORM', 1, 1600],
      ['RECURRING', 'SEAT', 10, 500],
      ['USAGE', 'API_CALLS', 100_000, 200],
    ]);
  });

  it('catches up every period a late run finds unbilled', () => {
    const plan = planBilling(subscription(), [], [], '2026-03-05');
    expect(lineSummary(plan.items).filter(([kind]) => kind === 'RECURRING')).toHaveLength(6);
  });
});

describe('planBilling: late usage', () => {
  it('bills usage arriving after its month was billed as a correction on the next run', () => {
    const s = subscription();
    let billed = claim(planBilling(s, [], [], '2026-01-01').items);
    const feb = planBilling(s, billed, [{ productCode: 'API_CALLS', month: '2026-01', used: 1_250_000n }], '2026-02-01');
    billed = [...billed, ...claim(feb.items)];
    // 300,000 more January calls arrive after invoice 2 was issued.
    const late = [{ productCode: 'API_CALLS', month: '2026-01', used: 1_550_000n }];
    const march = planBilling(s, billed, late, '2026-03-01');
    const correction = march.items.find((i) => i.itemKey === 'usage:2026-01#1')!;
    expect(correction).toMatchObject({ quantity: 300_000n, amountMinor: 60_000n });
    expect(correction.line).toMatchObject({ kind: 'USAGE', quantity: 300_000n, periodStart: '2026-01-01', periodEnd: '2026-01-31' });
    expect(correction.line!.description).toMatch(/correction/);
    expect(march.usageSummaries).toContainEqual({ productCode: 'API_CALLS', month: '2026-01', used: 1_550_000n });
    billed = [...billed, ...claim(march.items)];
    expect(planBilling(s, billed, late, '2026-03-01').items).toEqual([]);
  });

  it('bills only the part above the tier when late usage crosses it', () => {
    const s = subscription();
    const billed: BilledItem[] = [{ productCode: 'API_CALLS', itemKey: 'usage:2026-01#0', quantity: 900_000n, amountMinor: 0n }];
    const plan = planBilling({ ...s, lines: acmeLines.filter((l) => l.productCode === 'API_CALLS') }, billed, [{ productCode: 'API_CALLS', month: '2026-01', used: 1_100_000n }], '2026-02-01');
    expect(plan.items).toHaveLength(1);
    expect(plan.items[0]).toMatchObject({ quantity: 200_000n, amountMinor: 20_000n });
    expect(plan.items[0].line!.quantity).toBe(100_000n);
  });
});

describe('planBilling: quarterly and annual contracts', () => {
  it('bills a quarter in advance and usage monthly on usage-only invoices', () => {
    const s = subscription({ billingFrequency: 'QUARTERLY' });
    const q1 = planBilling(s, [], [], '2026-01-01');
    expect(lineSummary(q1.items)).toEqual([
      ['RECURRING', 'PLATFORM', 1, 4800],
      ['RECURRING', 'SEAT', 10, 1500],
      ['ONE_TIME', 'ONBOARDING', 1, 6000],
    ]);
    expect(q1.items[0].line).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-03-31' });
    const billed = claim(q1.items);
    const usage = [{ productCode: 'API_CALLS', month: '2026-01', used: 1_250_000n }];
    const feb = planBilling(s, billed, usage, '2026-02-01');
    expect(lineSummary(feb.items)).toEqual([['USAGE', 'API_CALLS', 250_000, 500]]);
    const april = planBilling(s, [...billed, ...claim(feb.items), ...claim(planBilling(s, [...billed, ...claim(feb.items)], usage, '2026-03-01').items)], usage, '2026-04-01');
    expect(lineSummary(april.items)).toEqual([
      ['RECURRING', 'PLATFORM', 1, 4800],
      ['RECURRING', 'SEAT', 10, 1500],
    ]);
  });

  it('bills a year in advance and prorates an annual increase by the days of the year', () => {
    const s = subscription({ billingFrequency: 'ANNUAL', lines: acmeLines.filter((l) => l.productCode !== 'API_CALLS') });
    const year = planBilling(s, [], [], '2026-01-01');
    expect(lineSummary(year.items)).toEqual([
      ['RECURRING', 'PLATFORM', 1, 19200],
      ['RECURRING', 'SEAT', 10, 6000],
      ['ONE_TIME', 'ONBOARDING', 1, 6000],
    ]);
    expect(planBilling(s, claim(year.items), [], '2026-12-31').items).toEqual([]);
    const amended = { ...s, changes: [seatChange('amd_a', '2026-07-01', 10, 12)] };
    // 2 x 50.00 x 12 x 184/365 = 604.93…
    expect(lineSummary(planBilling(amended, claim(year.items), [], '2026-07-01').items)).toEqual([['PRORATION', 'SEAT', 2, 604.93]]);
  });
});

describe('planBilling: decreases and cancellation', () => {
  const billedThroughMarch = () => {
    const s = subscription();
    let billed: BilledItem[] = [];
    for (const d of ['2026-01-01', '2026-02-01', '2026-03-01']) billed = [...billed, ...claim(planBilling(s, billed, [], d).items)];
    return billed;
  };

  it('credits a seat decrease with a negative proration line', () => {
    const s = subscription({ changes: [seatChange('amd_d', '2026-03-16', 10, 4)] });
    const plan = planBilling(s, billedThroughMarch(), [], '2026-03-16');
    expect(lineSummary(plan.items)).toEqual([['PRORATION', 'SEAT', -6, -154.84]]);
    expect(lineSummary(planBilling(s, [...billedThroughMarch(), ...claim(plan.items)], [], '2026-04-01').items)).toContainEqual(['RECURRING', 'SEAT', 4, 200]);
  });

  it('credits a removed product for the rest of its period and stops billing it', () => {
    const s = subscription({ changes: [seatChange('amd_r', '2026-03-11', 10, 0, 'REMOVE_PRODUCT')] });
    const plan = planBilling(s, billedThroughMarch(), [], '2026-04-01');
    // -10 x 50.00 x 21/31 = -338.709…
    expect(lineSummary(plan.items)).toEqual([
      ['RECURRING', 'PLATFORM', 1, 1600],
      ['PRORATION', 'SEAT', -10, -338.71],
    ]);
  });

  it('credits the unused remainder on cancellation and bills nothing after it', () => {
    const cancel = (code: string, q: number): TermChange => ({ ...seatChange('amd_c', '2026-03-16', q, 0, 'CANCELLATION'), productCode: code });
    const s = subscription({ cancelledFrom: '2026-03-16', changes: [cancel('PLATFORM', 1), cancel('SEAT', 10)] });
    const plan = planBilling(s, billedThroughMarch(), [], '2026-04-01');
    // PLATFORM -1,600.00 x 16/31 = -825.806…, SEAT -500.00 x 16/31 = -258.064…
    expect(lineSummary(plan.items)).toEqual([
      ['PRORATION', 'PLATFORM', -1, -825.81],
      ['PRORATION', 'SEAT', -10, -258.06],
    ]);
    expect(planBilling(s, [...billedThroughMarch(), ...claim(plan.items)], [], '2026-12-31').items).toEqual([]);
  });

  it('credits a whole period that was billed before a backdated cancellation', () => {
    const cancel = (code: string, q: number): TermChange => ({ ...seatChange('amd_c', '2026-03-01', q, 0, 'CANCELLATION'), productCode: code });
    const s = subscription({ cancelledFrom: '2026-03-01', changes: [cancel('PLATFORM', 1), cancel('SEAT', 10)] });
    const plan = planBilling(s, billedThroughMarch(), [], '2026-03-05');
    expect(lineSummary(plan.items)).toEqual([
      ['CREDIT', 'PLATFORM', -1, -1600],
      ['CREDIT', 'SEAT', -10, -500],
    ]);
  });
});
