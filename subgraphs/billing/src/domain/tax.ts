import { divRound, parseScaled, TAX_RATES } from '@rg/kit';

const RATE_DIGITS = 6;

/** The rate of a tax region as a percent string ("8.875"), or null for a region the table lacks. */
export const taxRateOf = (region: string): string | null => TAX_RATES.find((t) => t.region === region)?.ratePercent ?? null;

/** Tax of one invoice line, rounded half-up (away from zero) to the minor unit. */
export const lineTax = (amountMinor: bigint, ratePercent: string): bigint =>
  divRound(amountMinor * parseScaled(ratePercent, RATE_DIGITS), 100n * 10n ** BigInt(RATE_DIGITS));
