import { daysBetween, type BusinessDate } from '@rg/kit';

export type CollectionsBucket = 'CURRENT' | 'DAYS_1_30' | 'DAYS_31_60' | 'DAYS_61_90' | 'DAYS_90_PLUS';

/** Ageing buckets by days past due of the oldest overdue invoice (upper bounds inclusive). */
export const COLLECTIONS_BUCKETS: ReadonlyArray<{ bucket: CollectionsBucket; maxDays: number }> = [
  { bucket: 'CURRENT', maxDays: 0 },
  { bucket: 'DAYS_1_30', maxDays: 30 },
  { bucket: 'DAYS_31_60', maxDays: 60 },
  { bucket: 'DAYS_61_90', maxDays: 90 },
  { bucket: 'DAYS_90_PLUS', maxDays: Number.POSITIVE_INFINITY },
];

export const FAILED_PAYMENT_WINDOW_DAYS = 90;

export interface CollectionsInput<I> {
  openInvoices: ReadonlyArray<I & { dueDate: BusinessDate; dueMinor: bigint }>;
  failedPaymentDates: readonly BusinessDate[];
  asOf: BusinessDate;
}

export interface CollectionsStatus<I> {
  bucket: CollectionsBucket;
  oldestOverdueInvoice: I | null;
  daysOverdue: number;
  failedPaymentsLast90Days: number;
}

export function collectionsStatus<I>({ openInvoices, failedPaymentDates, asOf }: CollectionsInput<I>): CollectionsStatus<I> {
  const overdue = openInvoices
    .filter((i) => i.dueMinor > 0n && i.dueDate < asOf)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const oldest = overdue[0] ?? null;
  const daysOverdue = oldest ? daysBetween(oldest.dueDate, asOf) : 0;
  const bucket = COLLECTIONS_BUCKETS.find((b) => daysOverdue <= b.maxDays)!.bucket;
  const failedPaymentsLast90Days = failedPaymentDates.filter((d) => {
    const age = daysBetween(d, asOf);
    return age >= 0 && age < FAILED_PAYMENT_WINDOW_DAYS;
  }).length;
  return { bucket, oldestOverdueInvoice: oldest, daysOverdue, failedPaymentsLast90Days };
}
