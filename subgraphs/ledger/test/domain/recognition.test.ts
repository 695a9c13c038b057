import { formatMoney, money } from '@rg/kit';
import { applyAmendment } from '../../src/domain/modification';
import { obligationsForContract, type Obligation } from '../../src/domain/obligations';
import { recognitionDeltas, type ObligationState } from '../../src/domain/recognition';
import { quantityChangeValue } from '../../src/domain/billing-periods';
import { acmeSeatAmendment, acmeTerms } from './acme';

const usd = (n: bigint) => formatMoney(money(n, 'USD'));

/** Runs recognition month by month, carrying what each run booked. */
function run(obligations: Obligation[], periods: string[], states?: ObligationState[]) {
  const book = states ?? obligations.map((o) => ({ id: o.key, obligation: o, posted: 0n }));
  const perPeriod: Record<string, Record<string, string>> = {};
  for (const period of periods) {
    const deltas = recognitionDeltas(book, period);
    perPeriod[period] = Object.fromEntries(deltas.map((d) => [d.obligationId, usd(d.amount)]));
    for (const d of deltas) book.find((s) => s.id === d.obligationId)!.posted += d.amount;
  }
  return { perPeriod, book };
}

describe('ratable recognition by day', () => {
  const obligations = obligationsForContract(acmeTerms);
  obligations[2] = { ...obligations[2], deliveredOn: '2026-01-20' };

  it('recognises January: PLATFORM 1,766.58 + SEAT 441.64, and onboarding 5,200.00 when completed', () => {
    const { perPeriod } = run(obligations, ['2026-01']);
    expect(perPeriod['2026-01']).toEqual({
      'line:PLATFORM': '1766.58',
      'line:SEAT': '441.64',
      'line:ONBOARDING': '5200.00',
    });
  });

  it('recognises February: PLATFORM 1,595.61 + SEAT 398.91 = 1,994.52', () => {
    const { perPeriod } = run(obligations, ['2026-01', '2026-02']);
    expect(perPeriod['2026-02']).toEqual({ 'line:PLATFORM': '1595.61', 'line:SEAT': '398.91' });
  });

  it('books nothing on a rerun of a period nothing changed in', () => {
    const { perPeriod } = run(obligations, ['2026-01', '2026-01']);
    expect(Object.keys(perPeriod['2026-01'])).toHaveLength(0);
  });

  it('adds up to exactly the allocated price over the term', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const { book } = run(obligations, months);
    expect(book.map((s) => s.posted)).toEqual(obligations.map((o) => o.allocated));
  });
});

describe('contract modification: SEAT 10 -> 15 from 2026-03-16', () => {
  it('prorates 5 × 50.00 × 16/31 = 129.03 and adds 9 full months of 250.00', () => {
    const v = quantityChangeValue(acmeTerms, '2026-03-16', 5, 50_000_000n, 'USD');
    expect(usd(v.proration)).toBe('129.03');
    expect(usd(v.laterPeriods)).toBe('2250.00');
  });

  it('creates an obligation of 2,379.03 over 2026-03-16..2026-12-31 (291 days), 130.81 of it in March', () => {
    const amended = applyAmendment(obligationsForContract(acmeTerms), acmeSeatAmendment);
    const added = amended.find((o) => o.key === 'amendment:amd_seats:SEAT')!;
    expect(usd(added.allocated)).toBe('2379.03');
    expect([added.serviceStart, added.serviceEnd]).toEqual(['2026-03-16', '2026-12-31']);
    const { perPeriod } = run(amended, ['2026-01', '2026-02', '2026-03']);
    expect(perPeriod['2026-03']['amendment:amd_seats:SEAT']).toBe('130.81');
    // The original obligations are untouched by an increase.
    expect(amended.slice(0, 3)).toEqual(obligationsForContract(acmeTerms));
  });

  it('takes a decrease off the remaining price of the affected obligation, prospectively', () => {
    const decrease = {
      ...acmeSeatAmendment,
      amendmentId: 'amd_down',
      changes: [{ productCode: 'SEAT', quantityBefore: 10, quantityAfter: 6 }],
      after: { ...acmeTerms, lines: acmeTerms.lines.map((l) => (l.productCode === 'SEAT' ? { ...l, quantity: 6 } : l)) },
    };
    const before = obligationsForContract(acmeTerms);
    const after = applyAmendment(before, decrease);
    const seat = after.find((o) => o.key === 'line:SEAT')!;
    // Credited: 4 × 50.00 × 16/31 = 103.23 proration plus 9 × 200.00.
    expect(usd(before[1].allocated - seat.allocated)).toBe('1903.23');
    const { book } = run(after, ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(book.find((s) => s.id === 'line:SEAT')!.posted).toBe(seat.allocated);
    // Nothing earned before the effective date is restated.
    const feb = run(before, ['2026-01', '2026-02']).book[1].posted;
    expect(run(after, ['2026-01', '2026-02']).book[1].posted).toBe(feb);
  });
});
