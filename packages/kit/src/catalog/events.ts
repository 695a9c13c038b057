/**
 * The published language between subgraphs: the payloads of the business events on the log.
 * A producer owns its events' meaning; consumers keep their own copy of what they need.
 * Money travels as integer minor units in strings ("810000" = 8,100.00); unit prices as
 * micro-units ("2000" = 0.002). Dates are YYYY-MM-DD. Every payload here is version 1; a
 * changed shape gets a new version and consumers upgrade the old ones (see `versioned`).
 */
import type { ChargeModel } from '../reference';

export type BillingFrequency = 'MONTHLY' | 'QUARTERLY' | 'ANNUAL';
export type AmendmentKind = 'QUANTITY_CHANGE' | 'ADD_PRODUCT' | 'REMOVE_PRODUCT' | 'CANCELLATION';

// ---------------------------------------------------------------- customer subgraph
export interface CustomerCreatedV1 {
  customerId: string;
  name: string;
  currency: string;
  taxRegion: string;
  legalEntityCode: string;
  parentId: string | null;
  partnerId: string | null;
}

/** Name, tax region or parent changed; currency, legal entity and partner never move. */
export interface CustomerUpdatedV1 {
  customerId: string;
  name: string;
  taxRegion: string;
  parentId: string | null;
  changed: Array<'name' | 'taxRegion' | 'parentId'>;
}

export interface CreditHoldChangedV1 {
  customerId: string;
  creditHold: boolean;
  reason: string;
  /** The business date the hold takes effect; absent in events recorded before it was added. */
  effectiveOn?: string;
}

// ---------------------------------------------------------------- contract subgraph
/** One line of a contract's commercial terms. */
export interface ContractTermLine {
  productCode: string;
  productName: string;
  chargeModel: ChargeModel;
  quantity: number;
  discountPercent: string; // "20" or "12.5"
  listUnitPriceMicros: string;
  netUnitPriceMicros: string; // monthly price for recurring lines, per unit for usage, once for one-time
  sspUnitPriceMicros: string; // standalone selling price per unit (monthly for recurring)
  includedUnits: number | null; // TIERED_USAGE: units included each month
}

export interface ContractTerms {
  contractId: string;
  number: string;
  customerId: string;
  partnerId: string | null;
  legalEntityCode: string;
  taxRegion: string;
  currency: string;
  startDate: string;
  endDate: string;
  termMonths: number;
  billingFrequency: BillingFrequency;
  version: number;
  lines: ContractTermLine[];
}

export interface ContractActivatedV1 extends ContractTerms {
  quoteId: string;
  activatedAt: string;
}

export interface ContractAmendedV1 {
  contractId: string;
  customerId: string;
  amendmentId: string;
  kind: AmendmentKind;
  effectiveDate: string;
  version: number;
  changes: Array<{ productCode: string; quantityBefore: number; quantityAfter: number }>;
  before: ContractTerms;
  after: ContractTerms;
}

export interface ContractCancelledV1 {
  contractId: string;
  customerId: string;
  amendmentId: string;
  effectiveDate: string; // first day without service
  version: number;
  reason: string;
  before: ContractTerms;
}

export interface OnboardingCompletedV1 {
  contractId: string;
  customerId: string;
  legalEntityCode: string;
  currency: string;
  completedOn: string;
  productCodes: string[]; // the ONE_TIME lines delivered
}

// ---------------------------------------------------------------- billing subgraph
export type InvoiceLineKind = 'RECURRING' | 'PRORATION' | 'USAGE' | 'ONE_TIME' | 'CREDIT';

export interface InvoicePostedV1 {
  invoiceId: string;
  number: string;
  customerId: string;
  contractId: string | null;
  legalEntityCode: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  subtotalMinor: string;
  taxMinor: string;
  totalMinor: string;
  creditAppliedMinor: string;
  lines: Array<{
    kind: InvoiceLineKind;
    productCode: string | null;
    description: string;
    quantity: string;
    periodStart: string | null;
    periodEnd: string | null;
    amountMinor: string;
    taxMinor: string;
    /** For PRORATION lines: the amendment that caused them. */
    amendmentId?: string | null;
  }>;
}

export interface InvoiceVoidedV1 {
  invoiceId: string;
  number: string;
  customerId: string;
  contractId: string | null;
  legalEntityCode: string;
  currency: string;
  voidedOn: string;
  reason: string;
  totalMinor: string;
}

export interface PaymentSettledV1 {
  paymentId: string;
  customerId: string;
  invoiceId: string | null;
  legalEntityCode: string;
  currency: string;
  amountMinor: string;
  receivedAt: string;
  applications: Array<{ invoiceId: string; amountMinor: string }>;
  unappliedMinor: string; // kept as customer credit
}

export interface PaymentFailedV1 {
  paymentId: string;
  customerId: string;
  invoiceId: string | null;
  legalEntityCode: string;
  currency: string;
  amountMinor: string;
  receivedAt: string;
  failureReason: string;
}

/** Usage of one contract in one calendar month, published when that month is billed. */
export interface UsageSummarizedV1 {
  contractId: string;
  customerId: string;
  productCode: string;
  month: string; // "2026-01"
  quantity: string;
}

/** The event types on the log, by name. */
export interface EventCatalog {
  CustomerCreated: CustomerCreatedV1;
  CustomerUpdated: CustomerUpdatedV1;
  CreditHoldChanged: CreditHoldChangedV1;
  ContractActivated: ContractActivatedV1;
  ContractAmended: ContractAmendedV1;
  ContractCancelled: ContractCancelledV1;
  OnboardingCompleted: OnboardingCompletedV1;
  InvoicePosted: InvoicePostedV1;
  InvoiceVoided: InvoiceVoidedV1;
  PaymentSettled: PaymentSettledV1;
  PaymentFailed: PaymentFailedV1;
  UsageSummarized: UsageSummarizedV1;
}
export type EventType = keyof EventCatalog;
