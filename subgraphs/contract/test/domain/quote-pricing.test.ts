import { priceQuote, type QuoteRequest } from '../../src/domain/quote-pricing';
import { CATALOG } from './catalog-fixture';

const acme: QuoteRequest = {
  startDate: '2026-01-01',
  termMonths: 12,
  lines: [
    { productCode: 'PLATFORM', quantity: 1, discountPercent: '20' },
    { productCode: 'SEAT', quantity: 10 },
    { productCode: 'API_CALLS', quantity: 1 },
    { productCode: 'ONBOARDING', quantity: 1 },
  ],
};

describe('pricing a quote', () => {
  test('the worked example prices in USD', () => {
    const priced = priceQuote(acme, CATALOG, 'USD');
    if (!priced.ok) throw new Error(JSON.stringify(priced.problems));
    expect(priced.lines.map((l) => [l.product.code, l.quantity, l.discountHundredths, l.netMicros])).toEqual([
      ['PLATFORM', 1, 2000n, 1_600_000_000n],
      ['SEAT', 10, 0n, 50_000_000n],
      ['API_CALLS', 1, 0n, 2_000n],
      ['ONBOARDING', 1, 0n, 6_000_000_000n],
    ]);
  });

  test('in EUR the same products take the EUR prices', () => {
    const priced = priceQuote({ ...acme, lines: [{ productCode: 'API_CALLS', quantity: 1, discountPercent: '10' }] }, CATALOG, 'EUR');
    expect(priced.ok && priced.lines[0].netMicros).toBe(1_620n);
  });

  const line = (override: object) => ({ ...acme, lines: [{ productCode: 'SEAT', quantity: 5, ...override }] });
  test.each([
    [{ ...acme, startDate: '2026-02-30' }, 'INVALID_START_DATE', ['input', 'startDate']],
    [{ ...acme, startDate: '01/01/2026' }, 'INVALID_START_DATE', ['input', 'startDate']],
    [{ ...acme, termMonths: 0 }, 'INVALID_TERM', ['input', 'termMonths']],
    [{ ...acme, termMonths: 61 }, 'INVALID_TERM', ['input', 'termMonths']],
    [{ ...acme, lines: [] }, 'NO_LINES', ['input', 'lines']],
    [line({ productCode: 'NOPE' }), 'UNKNOWN_PRODUCT', ['input', 'lines', '0', 'productCode']],
    [line({ quantity: 0 }), 'INVALID_QUANTITY', ['input', 'lines', '0', 'quantity']],
    [line({ quantity: -2 }), 'INVALID_QUANTITY', ['input', 'lines', '0', 'quantity']],
    [line({ productCode: 'API_CALLS', quantity: 2 }), 'INVALID_QUANTITY', ['input', 'lines', '0', 'quantity']],
    [line({ discountPercent: '100.5' }), 'INVALID_DISCOUNT', ['input', 'lines', '0', 'discountPercent']],
    [line({ discountPercent: '-5' }), 'INVALID_DISCOUNT', ['input', 'lines', '0', 'discountPercent']],
    [line({ discountPercent: '10.125' }), 'INVALID_DISCOUNT', ['input', 'lines', '0', 'discountPercent']],
    [
      { ...acme, lines: [{ productCode: 'SEAT', quantity: 1 }, { productCode: 'SEAT', quantity: 2 }] },
      'DUPLICATE_PRODUCT',
      ['input', 'lines', '1', 'productCode'],
    ],
  ])('%o is rejected with %s at %p', (request, code, field) => {
    const priced = priceQuote(request as QuoteRequest, CATALOG, 'USD');
    expect(priced.ok).toBe(false);
    expect(!priced.ok && priced.problems[0]).toMatchObject({ code, field });
  });

  test('a product without a price in the customer currency cannot be quoted', () => {
    const priced = priceQuote(acme, CATALOG, 'GBP');
    expect(!priced.ok && priced.problems[0]).toMatchObject({ code: 'PRODUCT_NOT_PRICED', field: ['input', 'lines', '0', 'productCode'] });
  });
});
