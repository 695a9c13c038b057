import { addDays, minDate, type AmendmentKind, type BillingFrequency, type BusinessDate, type ChargeModel } from '@rg/kit';

/** Billing's own copy of a contract's billable terms, built from contract events. */
export interface Subscription {
  contractId: string;
  customerId: string;
  currency: string;
  startDate: BusinessDate;
  endDate: BusinessDate;
  billingFrequency: BillingFrequency;
  /** First day without service, when the contract was cancelled. */
  cancelledFrom: BusinessDate | null;
  lines: SubscriptionLine[];
  changes: TermChange[];
}

export interface SubscriptionLine {
  productCode: string;
  productName: string;
  chargeModel: ChargeModel;
  /** Quantity at activation (0 for a product an amendment added). */
  initialQuantity: number;
  unitMicros: bigint;
  includedUnits: bigint | null;
}

/** One product's quantity change from an amendment or a cancellation. */
export interface TermChange {
  amendmentId: string;
  productCode: string;
  kind: AmendmentKind;
  effectiveDate: BusinessDate;
  quantityBefore: number;
  quantityAfter: number;
}

export const isRecurring = (model: ChargeModel) => model === 'FLAT' || model === 'PER_UNIT';

/** The last day of service: the end date, or the day before a cancellation took effect. */
export function serviceEnd(s: Pick<Subscription, 'endDate' | 'cancelledFrom'>): BusinessDate {
  if (!s.cancelledFrom) return s.endDate;
  return minDate(addDays(s.cancelledFrom, -1), s.endDate);
}

/**
 * The quantity a period's recurring charge bills: the quantity before any change effective on
 * the period's first day. Every change, even one on a period boundary, is billed as its own
 * PRORATION line, so the sum is right whether the change arrived before or after that period
 * was billed.
 */
export function quantityBefore(line: SubscriptionLine, changes: readonly TermChange[], date: BusinessDate): number {
  let quantity = line.initialQuantity;
  const relevant = changes
    .filter((c) => c.productCode === line.productCode && c.effectiveDate < date)
    .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
  for (const c of relevant) quantity = c.quantityAfter;
  return quantity;
}

/** Whether a date lies in the service term. */
export const inTerm = (s: Pick<Subscription, 'startDate' | 'endDate' | 'cancelledFrom'>, date: BusinessDate): boolean =>
  date >= s.startDate && date <= serviceEnd(s);
