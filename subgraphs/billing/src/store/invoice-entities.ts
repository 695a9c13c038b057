import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InvoiceStatus } from '../domain/invoice-totals';

@Entity({ name: 'invoice' })
export class InvoiceRow {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ type: 'text' }) number: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId: string;
  @Column({ type: 'text', name: 'contract_id', nullable: true }) contractId: string | null;
  @Column({ type: 'text', name: 'partner_id', nullable: true }) partnerId: string | null;
  @Column({ type: 'text', name: 'legal_entity_code' }) legalEntityCode: string;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'text' }) status: InvoiceStatus;
  @Column({ type: 'date', name: 'issue_date' }) issueDate: string;
  @Column({ type: 'date', name: 'due_date' }) dueDate: string;
  @Column({ type: 'bigint', name: 'subtotal_minor' }) subtotalMinor: string;
  @Column({ type: 'bigint', name: 'tax_minor' }) taxMinor: string;
  @Column({ type: 'bigint', name: 'total_minor' }) totalMinor: string;
  @Column({ type: 'bigint', name: 'credit_applied_minor' }) creditAppliedMinor: string;
  @Column({ type: 'bigint', name: 'credit_issued_minor' }) creditIssuedMinor: string;
  @Column({ type: 'bigint', name: 'paid_minor' }) paidMinor: string;
  @Column({ type: 'text', name: 'void_reason', nullable: true }) voidReason: string | null;
  @Column({ type: 'date', name: 'voided_on', nullable: true }) voidedOn: string | null;
}

@Entity({ name: 'invoice_line' })
export class InvoiceLineRow {
  @PrimaryColumn({ type: 'text', name: 'invoice_id' }) invoiceId: string;
  @PrimaryColumn({ type: 'integer', name: 'line_no' }) lineNo: number;
  @Column({ type: 'text' }) kind: 'RECURRING' | 'PRORATION' | 'USAGE' | 'ONE_TIME' | 'CREDIT';
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text', name: 'product_code', nullable: true }) productCode: string | null;
  @Column({ type: 'bigint' }) quantity: string;
  @Column({ type: 'date', name: 'period_start', nullable: true }) periodStart: string | null;
  @Column({ type: 'date', name: 'period_end', nullable: true }) periodEnd: string | null;
  @Column({ type: 'bigint', name: 'amount_minor' }) amountMinor: string;
  @Column({ type: 'bigint', name: 'tax_minor' }) taxMinor: string;
  @Column({ type: 'text', name: 'amendment_id', nullable: true }) amendmentId: string | null;
  /** Filled from the invoice when lines are loaded, for the Money outputs. */
  currency?: string;
}

@Entity({ name: 'billed_item' })
export class BilledItemRow {
  @PrimaryColumn({ type: 'text', name: 'contract_id' }) contractId: string;
  @PrimaryColumn({ type: 'text', name: 'product_code' }) productCode: string;
  @PrimaryColumn({ type: 'text', name: 'item_key' }) itemKey: string;
  @Column({ type: 'text', name: 'invoice_id', nullable: true }) invoiceId: string | null;
  @Column({ type: 'bigint' }) quantity: string;
  @Column({ type: 'bigint', name: 'amount_minor' }) amountMinor: string;
  @Column({ type: 'date', name: 'billed_on' }) billedOn: string;
}

@Entity({ name: 'invoice_counter' })
export class InvoiceCounterRow {
  @PrimaryColumn({ type: 'text', name: 'legal_entity_code' }) legalEntityCode: string;
  @PrimaryColumn({ type: 'integer' }) year: number;
  @Column({ type: 'integer', name: 'last_number' }) lastNumber: number;
}
