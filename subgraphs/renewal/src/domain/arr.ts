import { addDays, divRound, MICRO_DIGITS, minorDigits, type ContractTermLine } from '@rg/kit';

/** Charge models that recur every month; one-time fees and metered usage are not recurring revenue. */
const RECURRING = new Set(['FLAT', 'PER_UNIT']);

export const isRecurring = (line: Pick<ContractTermLine, 'chargeModel'>): boolean => RECURRING.has(line.chargeModel);

/**
 * Annual recurring revenue of a contract's terms in minor units: monthly net price × quantity × 12
 * summed in micro-units, rounded half-up to the currency's minor unit once at the end.
 */
export function annualRecurringMinor(
  lines: ReadonlyArray<Pick<ContractTermLine, 'chargeModel' | 'quantity' | 'netUnitPriceMicros'>>,
  currency: string,
): bigint {
  const micros = lines
    .filter(isRecurring)
    .reduce((sum, l) => sum + BigInt(l.netUnitPriceMicros) * BigInt(l.quantity) * 12n, 0n);
  return divRound(micros, 10n ** BigInt(MICRO_DIGITS - minorDigits(currency)));
}

/** A contract comes up for renewal the day after its last day of service. */
export const renewalDateOf = (endDate: string): string => addDays(endDate, 1);
