import { sumAmounts } from '@rg/kit';
import { lineTax } from './tax';

export type InvoiceStatus = 'DRAFT' | 'POSTED' | 'PARTIALLY_PAID' | 'PAID' | 'VOID';

export interface InvoiceTotals<L> {
  lines: Array<L & { taxMinor: bigint }>;
  subtotalMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
  /** Customer credit this invoice consumes. */
  creditAppliedMinor: bigint;
  /** Credit a negative invoice gives back to the customer. */
  creditIssuedMinor: bigint;
  status: InvoiceStatus;
}

/** Taxes each line at the region's rate, totals the invoice and consumes available customer credit. */
export function totalInvoice<L extends { amountMinor: bigint }>(lines: readonly L[], ratePercent: string, availableCreditMinor: bigint): InvoiceTotals<L> {
  const taxed = lines.map((l) => ({ ...l, taxMinor: lineTax(l.amountMinor, ratePercent) }));
  const subtotalMinor = sumAmounts(taxed.map((l) => l.amountMinor));
  const taxMinor = sumAmounts(taxed.map((l) => l.taxMinor));
  const totalMinor = subtotalMinor + taxMinor;
  const positive = totalMinor > 0n ? totalMinor : 0n;
  const creditAppliedMinor = availableCreditMinor < positive ? availableCreditMinor : positive;
  return {
    lines: taxed,
    subtotalMinor,
    taxMinor,
    totalMinor,
    creditAppliedMinor: creditAppliedMinor > 0n ? creditAppliedMinor : 0n,
    creditIssuedMinor: totalMinor < 0n ? -totalMinor : 0n,
    status: invoiceStatus({ totalMinor, creditAppliedMinor, paidMinor: 0n }),
  };
}

export const amountDue = (i: { totalMinor: bigint; creditAppliedMinor: bigint; paidMinor: bigint }): bigint => {
  const due = i.totalMinor - i.creditAppliedMinor - i.paidMinor;
  return due > 0n ? due : 0n;
};

/** Nothing due is PAID; a payment that leaves something due is PARTIALLY_PAID. */
export function invoiceStatus(i: { totalMinor: bigint; creditAppliedMinor: bigint; paidMinor: bigint }): InvoiceStatus {
  if (amountDue(i) === 0n) return 'PAID';
  return i.paidMinor > 0n ? 'PARTIALLY_PAID' : 'POSTED';
}
