/**
 * The accounting treatment, as data: which account each component of a business event books
 * to, and on which side. Seeded into `posting_rule`; the posting code reads the table. A
 * negative component books to the opposite side, so credit lines reverse the same way.
 */
export type Side = 'DEBIT' | 'CREDIT';

export interface PostingRule {
  eventType: string;
  component: string;
  account: string;
  side: Side;
}

export const POSTING_RULES: readonly PostingRule[] = [
  { eventType: 'InvoicePosted', component: 'TOTAL', account: '1100', side: 'DEBIT' },
  { eventType: 'InvoicePosted', component: 'RECURRING', account: '2400', side: 'CREDIT' },
  { eventType: 'InvoicePosted', component: 'PRORATION', account: '2400', side: 'CREDIT' },
  { eventType: 'InvoicePosted', component: 'ONE_TIME', account: '2400', side: 'CREDIT' },
  { eventType: 'InvoicePosted', component: 'CREDIT', account: '2400', side: 'CREDIT' },
  { eventType: 'InvoicePosted', component: 'USAGE', account: '4100', side: 'CREDIT' },
  { eventType: 'InvoicePosted', component: 'TAX', account: '2100', side: 'CREDIT' },
  // Customer credit from earlier overpayments settles part of the invoice inside AR.
  { eventType: 'InvoicePosted', component: 'CREDIT_APPLIED_FROM', account: '1100', side: 'DEBIT' },
  { eventType: 'InvoicePosted', component: 'CREDIT_APPLIED_TO', account: '1100', side: 'CREDIT' },
  { eventType: 'PaymentSettled', component: 'RECEIVED', account: '1000', side: 'DEBIT' },
  { eventType: 'PaymentSettled', component: 'APPLIED', account: '1100', side: 'CREDIT' },
  { eventType: 'PaymentSettled', component: 'UNAPPLIED', account: '1100', side: 'CREDIT' },
  { eventType: 'RevenueRecognition', component: 'RECURRING', account: '2400', side: 'DEBIT' },
  { eventType: 'RevenueRecognition', component: 'RECURRING', account: '4000', side: 'CREDIT' },
  { eventType: 'RevenueRecognition', component: 'ONE_TIME', account: '2400', side: 'DEBIT' },
  { eventType: 'RevenueRecognition', component: 'ONE_TIME', account: '4200', side: 'CREDIT' },
];
