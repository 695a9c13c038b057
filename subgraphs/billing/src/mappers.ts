import type { CollectionsStatus } from './domain/collections';
import type { InvoiceLineRow, InvoiceRow } from './store/invoice-entities';
import type { PaymentRow } from './store/payment-entities';

export type InvoiceMapper = InvoiceRow;
export type InvoiceLineMapper = InvoiceLineRow & { currency: string };
export type PaymentMapper = PaymentRow;
export type CustomerMapper = { id: string };
export type ContractMapper = { id: string };
export type CollectionsStatusMapper = CollectionsStatus<InvoiceRow>;
