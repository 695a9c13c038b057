/** Discounts are percents with at most two decimals, held as hundredths of a percent (20% = 2000). */
const DISCOUNT = /^\d{1,3}(\.\d{1,2})?$/;

export const FULL_DISCOUNT = 10_000n;

/** The discount in hundredths of a percent, or null when it is not a percent 0–100 with ≤ 2 decimals. */
export function parseDiscount(value: string): bigint | null {
  const text = value.trim();
  if (!DISCOUNT.test(text)) return null;
  const [whole, frac = ''] = text.split('.');
  const hundredths = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
  return hundredths <= FULL_DISCOUNT ? hundredths : null;
}

/** "20", "12.5", "0.25": the shortest decimal that states the discount. */
export function formatDiscount(hundredths: bigint): string {
  const whole = hundredths / 100n;
  const frac = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}
