import { toMoneyOutput } from '@rg/kit';
import type { QueryResolvers } from '../generated/resolvers';
import { deferredRevenueMovements, receivablesBothWays, type ArItem } from '../store/report-store';
import { checkDate, checkPeriod } from './inputs';

const item = (i: ArItem) => ({
  invoice: i.invoiceId ? { id: i.invoiceId } : null,
  invoiceNumber: i.invoiceNumber,
  subledgerOpen: toMoneyOutput(i.subledger, i.currency),
  glBalance: toMoneyOutput(i.gl, i.currency),
  difference: toMoneyOutput(i.gl - i.subledger, i.currency),
});

/** Per currency: billing's open AR against GL 1100, and the invoices where they part. */
export const arReconciliation: QueryResolvers['arReconciliation'] = async (_, { legalEntityCode, asOf }, ctx) => {
  const items = await receivablesBothWays(ctx.dataSource.manager, legalEntityCode, checkDate(asOf, 'asOf'));
  const currencies = [...new Set(items.map((i) => i.currency))];
  return currencies.map((currency) => {
    const mine = items.filter((i) => i.currency === currency);
    const sum = (f: (i: ArItem) => bigint) => mine.reduce((a, i) => a + f(i), 0n);
    const sub = sum((i) => i.subledger);
    const gl = sum((i) => i.gl);
    const credit = mine.filter((i) => i.invoiceId === null).reduce((a, i) => a + i.subledger, 0n);
    return {
      legalEntityCode,
      asOf,
      currency,
      subledgerOpen: toMoneyOutput(sub, currency),
      unappliedCredit: toMoneyOutput(-credit, currency),
      glBalance: toMoneyOutput(gl, currency),
      difference: toMoneyOutput(gl - sub, currency),
      openInvoices: mine.filter((i) => i.invoiceId !== null && i.subledger !== 0n).map(item),
      differences: mine.filter((i) => i.gl !== i.subledger).map(item),
    };
  });
};

export const deferredRevenueRollForward: QueryResolvers['deferredRevenueRollForward'] = async (_, { legalEntityCode, period }, ctx) => {
  const rows = await deferredRevenueMovements(ctx.dataSource.manager, legalEntityCode, checkPeriod(period));
  return rows.map((r) => ({
    legalEntityCode,
    period,
    currency: r.currency,
    opening: toMoneyOutput(r.opening, r.currency),
    billed: toMoneyOutput(r.billed, r.currency),
    recognized: toMoneyOutput(r.recognised, r.currency),
    other: toMoneyOutput(r.other, r.currency),
    closing: toMoneyOutput(r.closing, r.currency),
  }));
};
