import { planAmendment, type ContractState } from '../../src/domain/amendment-plan';
import type { TermLine } from '../../src/domain/contract-terms';
import { CATALOG } from './catalog-fixture';

const contract: ContractState = { currency: 'USD', startDate: '2026-01-01', endDate: '2026-12-31', status: 'ACTIVE', latestEffectiveDate: null };
const termLine = (code: string, quantity: number, netMicros: bigint, discountHundredths = 0n): TermLine => {
  const p = CATALOG.get(code)!;
  return {
    productCode: code,
    productName: p.name,
    chargeModel: p.chargeModel,
    includedUnits: p.includedUnits,
    quantity,
    discountHundredths,
    listMicros: p.prices.find((x) => x.currency === 'USD')!.listMicros,
    netMicros,
    sspMicros: p.prices.find((x) => x.currency === 'USD')!.sspMicros,
  };
};
const lines = [termLine('PLATFORM', 1, 1_600_000_000n, 2000n), termLine('SEAT', 10, 50_000_000n)];

describe('planning an amendment', () => {
  test('step 11: SEAT 10 → 15 is a quantity change that keeps the agreed price', () => {
    const planned = planAmendment(contract, lines, { effectiveDate: '2026-03-16', changes: [{ productCode: 'SEAT', quantity: 15 }] }, CATALOG);
    if (!planned.ok) throw new Error(JSON.stringify(planned.problems));
    expect(planned.plan.kind).toBe('QUANTITY_CHANGE');
    expect(planned.plan.changes).toEqual([{ productCode: 'SEAT', quantityBefore: 10, quantityAfter: 15 }]);
    expect(planned.plan.lines.map((l) => [l.productCode, l.quantity, l.netMicros])).toEqual([
      ['PLATFORM', 1, 1_600_000_000n],
      ['SEAT', 15, 50_000_000n],
    ]);
    expect(lines[1].quantity).toBe(10);
  });

  test('a new product is added at list price, last', () => {
    const planned = planAmendment(contract, lines, { effectiveDate: '2026-04-01', changes: [{ productCode: 'API_CALLS', quantity: 1 }] }, CATALOG);
    expect(planned.ok && planned.plan.kind).toBe('ADD_PRODUCT');
    expect(planned.ok && planned.plan.lines.map((l) => [l.productCode, l.netMicros, l.discountHundredths])).toEqual([
      ['PLATFORM', 1_600_000_000n, 2000n],
      ['SEAT', 50_000_000n, 0n],
      ['API_CALLS', 2_000n, 0n],
    ]);
  });

  test('quantity 0 removes a product', () => {
    const planned = planAmendment(contract, lines, { effectiveDate: '2026-04-01', changes: [{ productCode: 'SEAT', quantity: 0 }] }, CATALOG);
    expect(planned.ok && planned.plan.kind).toBe('REMOVE_PRODUCT');
    expect(planned.ok && planned.plan.lines.map((l) => l.productCode)).toEqual(['PLATFORM']);
    expect(planned.ok && planned.plan.changes).toEqual([{ productCode: 'SEAT', quantityBefore: 10, quantityAfter: 0 }]);
  });

  const at = (f: string) => ['input', 'changes', '0', f];
  test.each([
    [{}, { effectiveDate: '2025-12-31' }, 'EFFECTIVE_DATE_OUTSIDE_TERM', ['input', 'effectiveDate']],
    [{}, { effectiveDate: '2027-01-01' }, 'EFFECTIVE_DATE_OUTSIDE_TERM', ['input', 'effectiveDate']],
    [{}, { effectiveDate: '2026-13-01' }, 'INVALID_DATE', ['input', 'effectiveDate']],
    [{ latestEffectiveDate: '2026-05-01' }, { effectiveDate: '2026-04-30' }, 'EFFECTIVE_DATE_BEFORE_LATEST_AMENDMENT', ['input', 'effectiveDate']],
    [{ status: 'CANCELLED' }, {}, 'CONTRACT_CANCELLED', ['input', 'effectiveDate']],
    [{}, { changes: [] }, 'NO_CHANGES', ['input', 'changes']],
    [{}, { changes: [{ productCode: 'NOPE', quantity: 1 }] }, 'UNKNOWN_PRODUCT', at('productCode')],
    [{}, { changes: [{ productCode: 'ONBOARDING', quantity: 0 }] }, 'PRODUCT_NOT_ON_CONTRACT', at('productCode')],
    [{}, { changes: [{ productCode: 'SEAT', quantity: -1 }] }, 'INVALID_QUANTITY', at('quantity')],
    [{}, { changes: [{ productCode: 'SEAT', quantity: 10 }] }, 'QUANTITY_UNCHANGED', at('quantity')],
    [{}, { changes: [{ productCode: 'API_CALLS', quantity: 3 }] }, 'INVALID_QUANTITY', at('quantity')],
    [{ currency: 'GBP' }, { changes: [{ productCode: 'API_CALLS', quantity: 1 }] }, 'PRODUCT_NOT_PRICED', at('productCode')],
    [
      {},
      { changes: [{ productCode: 'SEAT', quantity: 0 }, { productCode: 'PLATFORM', quantity: 0 }] },
      'CONTRACT_WOULD_BE_EMPTY',
      ['input', 'changes'],
    ],
    [
      {},
      { changes: [{ productCode: 'SEAT', quantity: 12 }, { productCode: 'SEAT', quantity: 14 }] },
      'DUPLICATE_PRODUCT',
      ['input', 'changes', '1', 'productCode'],
    ],
  ])('contract %o, request %o → %s', (state, request, code, field) => {
    const planned = planAmendment(
      { ...contract, ...state } as ContractState,
      lines,
      { effectiveDate: '2026-03-16', changes: [{ productCode: 'SEAT', quantity: 15 }], ...request },
      CATALOG,
    );
    expect(planned.ok).toBe(false);
    expect(!planned.ok && planned.problems[0]).toMatchObject({ code, field });
  });

  test('the same day as the latest amendment is allowed', () => {
    const planned = planAmendment({ ...contract, latestEffectiveDate: '2026-03-16' }, lines, { effectiveDate: '2026-03-16', changes: [{ productCode: 'SEAT', quantity: 12 }] }, CATALOG);
    expect(planned.ok).toBe(true);
  });
});
