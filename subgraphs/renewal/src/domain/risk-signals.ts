/**
 * What the renewal subgraph has learned from other domains' events about a renewal's customer
 * and contract: the facts churn risk is scored from, each with the business date it happened on.
 */
export interface PaymentFailureFact {
  paymentId: string;
  failedOn: string;
  reason: string;
  amountMinor: bigint;
  currency: string;
}

export interface InvoiceFact {
  invoiceId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  /** What the customer owed on the invoice when it was posted (after any credit applied). */
  amountDueMinor: bigint;
  currency: string;
  voidedOn: string | null;
  payments: ReadonlyArray<{ appliedOn: string; amountMinor: bigint }>;
}

export interface ContractionFact {
  amendmentId: string;
  effectiveDate: string;
  productCode: string;
  productName: string;
  quantityBefore: number;
  /** 0 when the product was removed. */
  quantityAfter: number;
}

export interface UsageFact {
  productCode: string;
  month: string; // "2026-01"
  quantity: string; // decimal units
}

export interface CreditHoldFact {
  changedOn: string;
  /** Orders changes made on the same day. */
  sequence: number;
  hold: boolean;
  reason: string;
}

export interface RiskSignals {
  paymentFailures: readonly PaymentFailureFact[];
  invoices: readonly InvoiceFact[];
  contractions: readonly ContractionFact[];
  usage: readonly UsageFact[];
  creditHolds: readonly CreditHoldFact[];
  /** Product names for sentences, by product code. */
  productNames: Readonly<Record<string, string>>;
}

export const NO_SIGNALS: RiskSignals = {
  paymentFailures: [],
  invoices: [],
  contractions: [],
  usage: [],
  creditHolds: [],
  productNames: {},
};

export type SignalKind = 'PAYMENT_FAILURE' | 'OVERDUE_INVOICE' | 'CREDIT_HOLD' | 'CONTRACTION' | 'USAGE_DECLINE';

/** One piece of evidence for churn risk, with the sentence a customer success manager reads. */
export interface RiskObservation {
  kind: SignalKind;
  occurredOn: string;
  reason: string;
}
