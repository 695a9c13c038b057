import type { BusinessDate, InvoiceLineKind } from '@rg/kit';

/**
 * Something billed once: the key is unique per contract and product (a period, the one-time
 * charge, an amendment, a usage month), and the database enforces it.
 */
export interface BilledItem {
  productCode: string;
  itemKey: string;
  quantity: bigint;
  amountMinor: bigint;
}

export interface PlannedLine {
  kind: InvoiceLineKind;
  /** What the invoice shows: seats, units, or for usage the billable units above the included tier. */
  quantity: bigint;
  description: string;
  periodStart: BusinessDate | null;
  periodEnd: BusinessDate | null;
  amendmentId: string | null;
}

/** A billed item to claim; `line` is null for a usage month that rates to zero (left off the invoice). */
export interface PlannedItem extends BilledItem {
  line: PlannedLine | null;
}

export interface UsageMonth {
  productCode: string;
  month: string; // "2026-01"
  used: bigint;
}

export interface BillingPlan {
  items: PlannedItem[];
  /** The monthly usage totals this plan bills, for UsageSummarized. */
  usageSummaries: UsageMonth[];
}

export const itemKeys = {
  period: (start: BusinessDate) => `period:${start}`,
  once: 'once',
  amendment: (id: string) => `amendment:${id}`,
  credit: (start: BusinessDate) => `credit:${start}`,
  usage: (month: string, n: number) => `usage:${month}#${n}`,
};

const KIND_ORDER: Record<InvoiceLineKind, number> = { RECURRING: 0, ONE_TIME: 1, USAGE: 2, PRORATION: 3, CREDIT: 4 };

/** Invoice line order: recurring charges first, then one-time, usage, prorations and credits. */
export function invoiceLineOrder(a: PlannedItem, b: PlannedItem): number {
  const ka = a.line ? KIND_ORDER[a.line.kind] : 9;
  const kb = b.line ? KIND_ORDER[b.line.kind] : 9;
  if (ka !== kb) return ka - kb;
  if (a.productCode !== b.productCode) return a.productCode < b.productCode ? -1 : 1;
  return a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0;
}
