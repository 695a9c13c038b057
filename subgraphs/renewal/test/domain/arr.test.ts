import type { ContractTermLine } from '@rg/kit';
import { annualRecurringMinor, renewalDateOf } from '../../src/domain/arr';
import { contractionsOf } from '../../src/domain/contraction';

const line = (productCode: string, chargeModel: ContractTermLine['chargeModel'], quantity: number, netUnitPriceMicros: string) =>
  ({ productCode, productName: productCode, chargeModel, quantity, netUnitPriceMicros }) as ContractTermLine;

const acme = [
  line('PLATFORM', 'FLAT', 1, '1600000000'),
  line('SEAT', 'PER_UNIT', 10, '50000000'),
  line('API_CALLS', 'TIERED_USAGE', 1, '2000'),
  line('ONBOARDING', 'ONE_TIME', 1, '6000000000'),
];

describe('annual recurring revenue', () => {
  test("Acme's contract is 25,200.00 a year: (1,600.00 + 10 × 50.00) × 12; usage and onboarding excluded", () => {
    expect(annualRecurringMinor(acme, 'USD')).toBe(2_520_000n);
  });

  test('the SEAT 10 → 15 amendment makes it 28,200.00', () => {
    const amended = acme.map((l) => (l.productCode === 'SEAT' ? { ...l, quantity: 15 } : l));
    expect(annualRecurringMinor(amended, 'USD')).toBe(2_820_000n);
  });

  test('sub-cent prices are summed in micro-units and rounded half-up once at the end', () => {
    // 0.333333 × 12 = 3.999996 → 4.00
    expect(annualRecurringMinor([line('A', 'PER_UNIT', 1, '333333')], 'USD')).toBe(400n);
    // each line alone is 0.005004 → 0.01, but together 0.010008 → 0.01 (not 0.02)
    expect(annualRecurringMinor([line('A', 'PER_UNIT', 1, '417')], 'USD')).toBe(1n);
    expect(annualRecurringMinor([line('A', 'PER_UNIT', 1, '417'), line('B', 'FLAT', 1, '417')], 'USD')).toBe(1n);
    expect(annualRecurringMinor([line('A', 'PER_UNIT', 1, '20833')], 'USD')).toBe(25n); // 0.249996 → 0.25
    expect(annualRecurringMinor([line('A', 'PER_UNIT', 1, '20800')], 'USD')).toBe(25n); // 0.2496 → 0.25
    expect(annualRecurringMinor([line('A', 'PER_UNIT', 1, '20400')], 'USD')).toBe(24n); // 0.2448 → 0.24
  });

  test('currencies without minor units round to whole units', () => {
    expect(annualRecurringMinor([line('A', 'FLAT', 1, '1041666667')], 'JPY')).toBe(12500n); // 12,500.000004
  });

  test('a contract ending 2026-12-31 renews on 2027-01-01; leap days are handled', () => {
    expect(renewalDateOf('2026-12-31')).toBe('2027-01-01');
    expect(renewalDateOf('2028-02-28')).toBe('2028-02-29');
  });
});

describe('contraction', () => {
  test('a lower quantity and a removed product are contractions; an increase and one-time lines are not', () => {
    const before = { lines: acme };
    const after = {
      lines: [line('PLATFORM', 'FLAT', 1, '1600000000'), line('SEAT', 'PER_UNIT', 8, '50000000')],
    };
    expect(contractionsOf(before, after)).toEqual([
      { productCode: 'SEAT', productName: 'SEAT', quantityBefore: 10, quantityAfter: 8 },
      { productCode: 'API_CALLS', productName: 'API_CALLS', quantityBefore: 1, quantityAfter: 0 },
    ]);
    const grown = { lines: acme.map((l) => (l.productCode === 'SEAT' ? { ...l, quantity: 15 } : l)) };
    expect(contractionsOf(before, grown)).toEqual([]);
  });
});
