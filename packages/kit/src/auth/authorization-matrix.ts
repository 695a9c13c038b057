import type { Role } from './actor';

/**
 * Who may call each mutation: the reviewed authorization matrix. Subgraph SDL declares the same
 * rules with @requiresScopes; a test sends every mutation as every role through the gateway and
 * checks the outcome against this table, so a new mutation without a row here fails it.
 * auditor reads everything and writes nothing, so it appears in no row.
 */
export const MUTATION_ROLES: Record<string, readonly Role[]> = {
  // customer
  createCustomer: ['admin', 'sales_rep', 'sales_manager', 'partner'],
  setCreditHold: ['admin', 'finance'],
  updateCustomer: ['admin', 'sales_rep', 'sales_manager', 'partner'],
  // contract
  createQuote: ['admin', 'sales_rep', 'sales_manager', 'partner'],
  submitQuote: ['admin', 'sales_rep', 'sales_manager', 'partner'],
  approveQuote: ['admin', 'sales_manager', 'finance'],
  rejectQuote: ['admin', 'sales_manager', 'finance'],
  acceptQuote: ['admin', 'sales_rep', 'sales_manager', 'partner'],
  amendContract: ['admin', 'sales_rep', 'sales_manager'],
  cancelContract: ['admin', 'sales_manager', 'finance'],
  completeOnboarding: ['admin', 'cs_manager'],
  // billing
  recordUsage: ['admin', 'billing_ops'],
  runBilling: ['admin', 'billing_ops', 'finance'],
  recordPayment: ['admin', 'billing_ops', 'finance'],
  voidInvoice: ['admin', 'billing_ops', 'finance'],
  // ledger
  runRevenueRecognition: ['admin', 'finance', 'controller'],
  closePeriod: ['admin', 'controller'],
  reopenPeriod: ['admin', 'controller'],
  // operations
  retryDeadLetter: ['admin', 'billing_ops', 'finance'],
  discardDeadLetter: ['admin', 'billing_ops', 'finance'],
  // renewal
  recordRenewalOutcome: ['admin', 'cs_manager'],
};
