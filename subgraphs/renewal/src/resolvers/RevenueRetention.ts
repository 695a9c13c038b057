import { formatScaled, toMoneyOutput } from '@rg/kit';
import type { ArrChangeResolvers, ArrMovementResolvers, RevenueRetentionResolvers } from '../generated/resolvers';

const percent = (hundredths: bigint | null) => (hundredths === null ? null : formatScaled(hundredths, 2));

export const RevenueRetention: RevenueRetentionResolvers = {
  customers: (r) => r.cohortCustomers,
  startingArr: (r) => toMoneyOutput(r.startingArrMinor, r.currency),
  expansionArr: (r) => toMoneyOutput(r.expansionMinor, r.currency),
  contractionArr: (r) => toMoneyOutput(r.contractionMinor, r.currency),
  churnedArr: (r) => toMoneyOutput(r.churnMinor, r.currency),
  endingArr: (r) => toMoneyOutput(r.endingArrMinor, r.currency),
  newArr: (r) => toMoneyOutput(r.newArrMinor, r.currency),
  netRevenueRetention: (r) => percent(r.netRetentionHundredths),
  grossRevenueRetention: (r) => percent(r.grossRetentionHundredths),
  movements: (r) => r.movements.map((m) => ({ ...m, currency: r.currency })),
};

export const ArrMovement: ArrMovementResolvers = {
  customer: (m) => ({ id: m.customerId }),
  amount: (m) => toMoneyOutput(m.amountMinor, m.currency),
  customerArrBefore: (m) => toMoneyOutput(m.customerArrBeforeMinor, m.currency),
  customerArrAfter: (m) => toMoneyOutput(m.customerArrAfterMinor, m.currency),
  changes: (m) => m.changes.map((c) => ({ ...c, currency: m.currency })),
};

export const ArrChange: ArrChangeResolvers = {
  contract: (c) => ({ id: c.contractId }),
  amount: (c) => toMoneyOutput(c.deltaMinor, c.currency),
};
