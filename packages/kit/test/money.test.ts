import { allocate, discountedMicros, divRound, formatScaled, formatUnitPrice, microsToMinor, parseScaled } from '../src/money';

describe('money', () => {
  test('divRound rounds half away from zero', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(-4n, 3n)).toBe(-1n);
    expect(divRound(12903225n, 100000n)).toBe(129n);
  });

  test('parses and formats decimal strings exactly', () => {
    expect(parseScaled('129.03', 2)).toBe(12903n);
    expect(parseScaled('-5.00', 2)).toBe(-500n);
    expect(parseScaled('0.002', 6)).toBe(2000n);
    expect(parseScaled('10', 2)).toBe(1000n);
    expect(() => parseScaled('1.234', 2)).toThrow(/decimal places/);
    expect(() => parseScaled('abc', 2)).toThrow(/not a decimal/);
    expect(formatScaled(12903n, 2)).toBe('129.03');
    expect(formatScaled(-5n, 2)).toBe('-0.05');
    expect(formatScaled(0n, 2)).toBe('0.00');
  });

  test('unit prices keep up to six decimals and at least the minor digits', () => {
    expect(formatUnitPrice(2000n, 'USD')).toBe('0.002');
    expect(formatUnitPrice(1_600_000_000n, 'USD')).toBe('1600.00');
    expect(microsToMinor(1_600_000_000n, 'USD')).toBe(160000n);
  });

  test('discounts round half-up at the cent of the result', () => {
    // 2,000.00 at 20% → 1,600.00
    expect(discountedMicros(2_000_000_000n, 2000n)).toBe(1_600_000_000n);
  });

  test('allocation by largest remainder sums to the whole', () => {
    expect(allocate(3120000n, [2400000n, 600000n, 600000n])).toEqual([2080000n, 520000n, 520000n]);
    const parts = allocate(100n, [1n, 1n, 1n]);
    expect(parts).toEqual([34n, 33n, 33n]);
    expect(allocate(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
    expect(() => allocate(1n, [0n])).toThrow();
  });
});
