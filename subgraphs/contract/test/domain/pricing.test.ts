import { formatDiscount, parseDiscount } from '../../src/domain/discount';
import { netUnitPriceMicros } from '../../src/domain/pricing';

describe('discount percents', () => {
  test.each([
    ['0', 0n],
    ['20', 2000n],
    ['12.5', 1250n],
    ['0.25', 25n],
    ['100', 10000n],
    ['100.00', 10000n],
  ])('"%s" is %p hundredths of a percent', (text, hundredths) => {
    expect(parseDiscount(text)).toBe(hundredths);
  });

  test.each(['-1', '100.01', '101', '12.345', 'abc', '', '1e1', '.5'])('"%s" is not a discount', (text) => {
    expect(parseDiscount(text)).toBeNull();
  });

  test.each([
    [2000n, '20'],
    [1250n, '12.5'],
    [25n, '0.25'],
    [0n, '0'],
  ])('%p hundredths is written "%s"', (hundredths, text) => {
    expect(formatDiscount(hundredths)).toBe(text);
  });
});

describe('net unit price = list × (100 − discount) / 100, rounded half-up once', () => {
  test('the worked example: PLATFORM 2,000.00 at 20% is 1,600.00', () => {
    expect(netUnitPriceMicros(2_000_000_000n, 2000n, 'FLAT', 'USD')).toBe(1_600_000_000n);
  });

  test('rounds to the cent, half-up: 49.99 at 12.5% = 43.74125 → 43.74; 0.05 at 50% = 0.025 → 0.03', () => {
    expect(netUnitPriceMicros(49_990_000n, 1250n, 'PER_UNIT', 'USD')).toBe(43_740_000n);
    expect(netUnitPriceMicros(50_000n, 5000n, 'PER_UNIT', 'USD')).toBe(30_000n);
  });

  test('a usage price keeps six decimals: 0.0018 at 33.33% = 0.00120006 → 0.001200', () => {
    expect(netUnitPriceMicros(1_800n, 3333n, 'TIERED_USAGE', 'EUR')).toBe(1_200n);
    expect(netUnitPriceMicros(2_000n, 0n, 'TIERED_USAGE', 'USD')).toBe(2_000n);
  });

  test('a currency without minor units rounds to the whole unit', () => {
    expect(netUnitPriceMicros(1_005_000_000n, 5000n, 'FLAT', 'JPY')).toBe(503_000_000n);
  });

  test('100% discount is free', () => {
    expect(netUnitPriceMicros(6_000_000_000n, 10000n, 'ONE_TIME', 'USD')).toBe(0n);
  });
});
