import { formatUnitPrice } from '@rg/kit';

/** A unit price on the wire: cents, or six decimals where it goes below a cent ("0.002"). */
export const unitPrice = (micros: bigint | string, currency: string) => ({
  amount: formatUnitPrice(BigInt(micros), currency),
  currency,
});
