import { CustomerAccountRow } from './account-entities';
import { BilledItemRow, InvoiceCounterRow, InvoiceLineRow, InvoiceRow } from './invoice-entities';
import { PaymentApplicationRow, PaymentRow } from './payment-entities';
import { SubscriptionLineRow, SubscriptionRow, TermChangeRow, UsageRecordRow } from './subscription-entities';

export const entities = [
  CustomerAccountRow,
  SubscriptionRow,
  SubscriptionLineRow,
  TermChangeRow,
  UsageRecordRow,
  InvoiceRow,
  InvoiceLineRow,
  BilledItemRow,
  InvoiceCounterRow,
  PaymentRow,
  PaymentApplicationRow,
];
