import { divRound, MICRO_DIGITS, minorDigits, type ChargeModel } from '@rg/kit';
import { FULL_DISCOUNT } from './discount';
import { isUsage } from './catalog';

/**
 * Net unit price = list × (100 − discount) / 100, rounded half-up once: to the cent for every
 * charge model except usage, whose per-unit price keeps six decimals (micro-units).
 */
export function netUnitPriceMicros(
  listMicros: bigint,
  discountHundredths: bigint,
  chargeModel: ChargeModel,
  currency: string,
): bigint {
  const numerator = listMicros * (FULL_DISCOUNT - discountHundredths);
  if (isUsage(chargeModel)) return divRound(numerator, FULL_DISCOUNT);
  const microsPerMinor = 10n ** BigInt(MICRO_DIGITS - minorDigits(currency));
  return divRound(numerator, FULL_DISCOUNT * microsPerMinor) * microsPerMinor;
}
