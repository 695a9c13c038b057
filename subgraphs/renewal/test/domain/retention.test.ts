import { openingArr, revenueRetention as report, type ArrChange } from '../../src/domain/retention';

/** Retention from the whole history of changes, as the store would split it. */
const revenueRetention = (changes: ArrChange[], from: string, to: string) => report(openingArr(changes, from), changes, from, to);

const ch = (customerId: string, date: string, deltaMinor: bigint, cause: ArrChange['cause'] = 'AMENDMENT', contractId = `ctr_${customerId}`): ArrChange =>
  ({ customerId, contractId, date, deltaMinor, cause });

describe('net and gross revenue retention', () => {
  // Starting ARR 100,000.00 across four customers
  const start = [
    ch('a', '2025-01-01', 4_000_000n, 'ACTIVATION'),
    ch('b', '2025-02-01', 3_000_000n, 'ACTIVATION'),
    ch('c', '2025-03-01', 2_000_000n, 'ACTIVATION'),
    ch('d', '2025-04-01', 1_000_000n, 'ACTIVATION'),
  ];

  test('designed case: +20,000 expansion, −5,000 contraction, −10,000 churn → NRR 105.00%, GRR 85.00%', () => {
    const window = [
      ch('a', '2026-03-16', 2_000_000n),
      ch('b', '2026-05-01', -500_000n),
      ch('d', '2026-06-30', -1_000_000n, 'CANCELLATION'),
    ];
    const r = revenueRetention([...start, ...window], '2026-01-01', '2026-12-31');
    expect(r).toMatchObject({
      cohortCustomers: 4,
      startingArrMinor: 10_000_000n,
      expansionMinor: 2_000_000n,
      contractionMinor: 500_000n,
      churnMinor: 1_000_000n,
      endingArrMinor: 10_500_000n,
      newArrMinor: 0n,
      netRetentionHundredths: 10_500n,
      grossRetentionHundredths: 8_500n,
    });
    expect(r.movements.map((m) => [m.date, m.customerId, m.kind, m.amountMinor, m.customerArrBeforeMinor, m.customerArrAfterMinor])).toEqual([
      ['2026-03-16', 'a', 'EXPANSION', 2_000_000n, 4_000_000n, 6_000_000n],
      ['2026-05-01', 'b', 'CONTRACTION', -500_000n, 3_000_000n, 2_500_000n],
      ['2026-06-30', 'd', 'CHURN', -1_000_000n, 1_000_000n, 0n],
    ]);
  });

  test('movements outside the window do not count; the window is inclusive at both ends', () => {
    const changes = [...start, ch('a', '2025-12-31', 100_000n), ch('a', '2026-01-01', 100_000n), ch('a', '2026-12-31', 100_000n), ch('a', '2027-01-01', 100_000n)];
    const r = revenueRetention(changes, '2026-01-01', '2026-12-31');
    expect(r.startingArrMinor).toBe(10_100_000n);
    expect(r.expansionMinor).toBe(200_000n);
  });

  test('a new customer is listed as NEW and left out of NRR and GRR', () => {
    const r = revenueRetention([...start, ch('e', '2026-02-01', 5_000_000n, 'ACTIVATION')], '2026-01-01', '2026-12-31');
    expect(r.movements).toEqual([expect.objectContaining({ customerId: 'e', kind: 'NEW', inCohort: false, amountMinor: 5_000_000n })]);
    expect(r).toMatchObject({ newArrMinor: 5_000_000n, netRetentionHundredths: 10_000n, grossRetentionHundredths: 10_000n });
  });

  test('a contract renewed into a new one on its renewal date is no churn: only the difference counts', () => {
    const changes = [
      ...start,
      ch('c', '2026-07-01', -2_000_000n, 'EXPIRY', 'ctr_old'),
      ch('c', '2026-07-01', 2_400_000n, 'ACTIVATION', 'ctr_new'),
      ch('b', '2026-08-01', -3_000_000n, 'EXPIRY'),
    ];
    const r = revenueRetention(changes, '2026-01-01', '2026-12-31');
    expect(r.movements.map((m) => [m.customerId, m.kind, m.amountMinor, m.changes.length])).toEqual([
      ['c', 'EXPANSION', 400_000n, 2],
      ['b', 'CHURN', -3_000_000n, 1],
    ]);
    expect(r).toMatchObject({ netRetentionHundredths: 7_400n, grossRetentionHundredths: 7_000n });
  });

  test('retention rounds half-up to a hundredth of a percent and is null without starting ARR', () => {
    const r = revenueRetention([ch('a', '2025-01-01', 300_000n), ch('a', '2026-02-01', -100_000n)], '2026-01-01', '2026-12-31');
    expect(r.netRetentionHundredths).toBe(6_667n); // 66.666…% → 66.67%
    expect(revenueRetention([], '2026-01-01', '2026-12-31')).toMatchObject({ netRetentionHundredths: null, grossRetentionHundredths: null, movements: [] });
  });
});
