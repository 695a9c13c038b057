import { prorationAmount, recurringCharge, usageCharge, oneTimeCharge } from '../../src/domain/charges';
import { lineTax, taxRateOf } from '../../src/domain/tax';

const march = { start: '2026-03-01', end: '2026-03-31', months: 1 };

describe('charges', () => {
  it('charges monthly net price x quantity x months', () => {
    expect(recurringCharge(10, 50_000_000n, 1, 'USD')).toBe(50_000n);
    expect(recurringCharge(10, 50_000_000n, 3, 'USD')).toBe(150_000n);
    expect(recurringCharge(1, 1_600_000_000n, 12, 'USD')).toBe(1_920_000n);
    expect(oneTimeCharge(1, 6_000_000_000n, 'USD')).toBe(600_000n);
  });

  it('prorates the worked example seat increase to 129.03 (5 x 50.00 x 16/31)', () => {
    expect(prorationAmount({ quantityDelta: 5, unitMicros: 50_000_000n, period: march, effectiveDate: '2026-03-16', currency: 'USD' })).toBe(12_903n);
  });

  it('credits a seat decrease as a negative amount rounded away from zero', () => {
    expect(prorationAmount({ quantityDelta: -5, unitMicros: 50_000_000n, period: march, effectiveDate: '2026-03-16', currency: 'USD' })).toBe(-12_903n);
  });

  it('counts 29 days in a leap-year February', () => {
    const feb2028 = { start: '2028-02-01', end: '2028-02-29', months: 1 };
    // 5 x 50.00 x 15/29 = 129.3103…
    expect(prorationAmount({ quantityDelta: 5, unitMicros: 50_000_000n, period: feb2028, effectiveDate: '2028-02-15', currency: 'USD' })).toBe(12_931n);
    // The same change in 2026 (28 days): 5 x 50.00 x 14/28
    const feb2026 = { start: '2026-02-01', end: '2026-02-28', months: 1 };
    expect(prorationAmount({ quantityDelta: 5, unitMicros: 50_000_000n, period: feb2026, effectiveDate: '2026-02-15', currency: 'USD' })).toBe(12_500n);
  });

  it('prorates inside a quarter with the months of the period', () => {
    const q1 = { start: '2026-01-01', end: '2026-03-31', months: 3 };
    // 2 x 50.00 x 3 x 31/90 = 103.333…
    expect(prorationAmount({ quantityDelta: 2, unitMicros: 50_000_000n, period: q1, effectiveDate: '2026-03-01', currency: 'USD' })).toBe(10_333n);
  });

  it('rates usage above the included tier', () => {
    expect(usageCharge(1_250_000n, 1_000_000n, 2_000n, 'USD')).toBe(50_000n);
    expect(usageCharge(900_000n, 1_000_000n, 2_000n, 'USD')).toBe(0n);
    // EUR 0.0018 per call, 333 calls over = 0.5994 -> 0.60
    expect(usageCharge(1_000_333n, 1_000_000n, 1_800n, 'EUR')).toBe(60n);
  });

  it('taxes a line at the region rate, half-up per line', () => {
    expect(taxRateOf('DE')).toBe('19');
    expect(taxRateOf('XX')).toBeNull();
    expect(lineTax(162_000n, '19')).toBe(30_780n);
    // 8.875% of 12.34 = 1.095175 -> 1.10
    expect(lineTax(1_234n, '8.875')).toBe(110n);
    // 10.25% of 0.20 = 0.0205 -> 0.02; of 0.30 = 0.03075 -> 0.03
    expect(lineTax(20n, '10.25')).toBe(2n);
    expect(lineTax(-12_903n, '19')).toBe(-2_452n);
    expect(lineTax(810_000n, '0')).toBe(0n);
  });
});
