import type { EventHandlers } from '@rg/kit';
import { onContractActivated, onContractAmended, onContractCancelled, onOnboardingCompleted } from './contract-handlers';
import { onInvoicePosted, onInvoiceVoided, onPaymentSettled } from './billing-handlers';

export const handlers: EventHandlers = {
  ContractActivated: onContractActivated,
  ContractAmended: onContractAmended,
  ContractCancelled: onContractCancelled,
  OnboardingCompleted: onOnboardingCompleted,
  InvoicePosted: onInvoicePosted,
  InvoiceVoided: onInvoiceVoided,
  PaymentSettled: onPaymentSettled,
};
