/**
 * Money lives as integer minor units (bigint) plus an ISO 4217 currency. Decimal strings are the
 * wire format only. Every division rounds half-up (away from zero) at the point it is computed.
 */
export interface Money {
  readonly amount: bigint; // minor units
  readonly currency: string;
}

/** Minor-unit digits per currency; ISO 4217 exponents for the currencies the product serves. */
const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, BHD: 3, KWD: 3 };
export const minorDigits = (currency: string): number => MINOR_DIGITS[currency] ?? 2;

/** Unit prices below a cent keep six decimals: they are stored as micro-units of the currency. */
export const MICRO_DIGITS = 6;

export function money(amount: bigint, currency: string): Money {
  return { amount, currency };
}

/** Integer division rounding half away from zero. */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Parses a decimal string into an integer scaled by 10^digits; rejects more digits than allowed. */
export function parseScaled(value: string, digits: number): bigint {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new RangeError(`"${value}" is not a decimal number`);
  const [, sign, whole, frac = ''] = m;
  if (frac.length > digits && /[1-9]/.test(frac.slice(digits))) {
    throw new RangeError(`"${value}" has more than ${digits} decimal places`);
  }
  const scaled = BigInt(whole + frac.slice(0, digits).padEnd(digits, '0'));
  return sign ? -scaled : scaled;
}

/** Formats an integer scaled by 10^digits as a decimal string with exactly that many decimals. */
export function formatScaled(value: bigint, digits: number): string {
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const frac = abs.slice(abs.length - digits);
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${frac}` : ''}`;
}

export const parseMoney = (amount: string, currency: string): Money =>
  money(parseScaled(amount, minorDigits(currency)), currency);

export const formatMoney = (m: Money): string => formatScaled(m.amount, minorDigits(m.currency));

/** Wire shape of the `Money` GraphQL type. */
export const toMoneyOutput = (amount: bigint, currency: string) => ({
  amount: formatScaled(amount, minorDigits(currency)),
  currency,
});

/** Unit price in micro-units, trimmed to the currency's minor digits unless it needs more ("0.002"). */
export function formatUnitPrice(micros: bigint, currency: string): string {
  const digits = minorDigits(currency);
  const full = formatScaled(micros, MICRO_DIGITS);
  const [whole, frac = ''] = full.split('.');
  const trimmed = frac.replace(/0+$/, '');
  return `${whole}.${trimmed.padEnd(digits, '0')}`;
}

/** Converts micro-units to minor units, rounding half-up. */
export function microsToMinor(micros: bigint, currency: string): bigint {
  return divRound(micros, 10n ** BigInt(MICRO_DIGITS - minorDigits(currency)));
}

/** Applies a percent discount (basis points of a percent: 2000 = 20.00%) to a unit price in micro-units. */
export function discountedMicros(listMicros: bigint, discountHundredths: bigint): bigint {
  return divRound(listMicros * (10000n - discountHundredths), 10000n);
}

/**
 * Splits `total` in proportion to `weights` so the parts sum exactly to `total`
 * (largest remainder; ties go to the earlier part).
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (weights.length === 0) return [];
  if (sum === 0n) throw new RangeError('cannot allocate by weights that sum to zero');
  const sign = total < 0n ? -1n : 1n;
  const abs = total * sign;
  const parts = weights.map((w) => (abs * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (abs * w) % sum }));
  let left = abs - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts.map((p) => p * sign);
}

export const sumAmounts = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n);
