import { billingPeriods, periodContaining } from '../../src/domain/periods';

describe('billing periods aligned to the contract start', () => {
  it('bills calendar months for a contract starting on the 1st', () => {
    const periods = billingPeriods('2026-01-01', '2026-12-31', 'MONTHLY');
    expect(periods).toHaveLength(12);
    expect(periods[1]).toEqual({ start: '2026-02-01', end: '2026-02-28', months: 1 });
    expect(periods[11]).toEqual({ start: '2026-12-01', end: '2026-12-31', months: 1 });
  });

  it('bills quarters and years of three and twelve months', () => {
    expect(billingPeriods('2026-01-01', '2026-12-31', 'QUARTERLY').map((p) => [p.start, p.end, p.months])).toEqual([
      ['2026-01-01', '2026-03-31', 3],
      ['2026-04-01', '2026-06-30', 3],
      ['2026-07-01', '2026-09-30', 3],
      ['2026-10-01', '2026-12-31', 3],
    ]);
    expect(billingPeriods('2026-01-01', '2027-12-31', 'ANNUAL')).toEqual([
      { start: '2026-01-01', end: '2026-12-31', months: 12 },
      { start: '2027-01-01', end: '2027-12-31', months: 12 },
    ]);
  });

  it('aligns mid-month starts and keeps the 31st from drifting', () => {
    // A 3-month term from Jan 31 ends the day before Apr 30.
    const periods = billingPeriods('2026-01-31', '2026-04-29', 'MONTHLY');
    expect(periods.map((p) => [p.start, p.end])).toEqual([
      ['2026-01-31', '2026-02-27'],
      ['2026-02-28', '2026-03-30'],
      ['2026-03-31', '2026-04-29'],
    ]);
  });

  it('shortens the last period of a term that is not a whole number of periods', () => {
    const periods = billingPeriods('2026-01-01', '2026-05-31', 'QUARTERLY');
    expect(periods[1]).toEqual({ start: '2026-04-01', end: '2026-05-31', months: 2 });
  });

  it('finds the period containing a date', () => {
    const periods = billingPeriods('2026-01-01', '2026-12-31', 'MONTHLY');
    expect(periodContaining(periods, '2026-03-16')).toEqual({ start: '2026-03-01', end: '2026-03-31', months: 1 });
    expect(periodContaining(periods, '2027-01-01')).toBeNull();
  });
});
