import { toMoneyOutput } from '@rg/kit';

/** Minor units stored as bigint strings, out as the wire's Money. */
export const moneyOf = (minor: string | bigint, currency: string) => toMoneyOutput(BigInt(minor), currency);
