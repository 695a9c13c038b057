import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'payment' })
export class PaymentRow {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId: string;
  /** The invoice named by the payer, or the first invoice the payment was applied to. */
  @Column({ type: 'text', name: 'invoice_id', nullable: true }) invoiceId: string | null;
  @Column({ type: 'text', name: 'partner_id', nullable: true }) partnerId: string | null;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'bigint', name: 'amount_minor' }) amountMinor: string;
  @Column({ type: 'bigint', name: 'unapplied_minor' }) unappliedMinor: string;
  @Column({ type: 'text' }) status: 'SETTLED' | 'FAILED';
  @Column({ type: 'timestamptz', name: 'received_at' }) receivedAt: Date;
  @Column({ type: 'text', name: 'external_id' }) externalId: string;
  @Column({ type: 'text', name: 'failure_reason', nullable: true }) failureReason: string | null;
}

@Entity({ name: 'payment_application' })
export class PaymentApplicationRow {
  @PrimaryColumn({ type: 'text', name: 'payment_id' }) paymentId: string;
  @PrimaryColumn({ type: 'text', name: 'invoice_id' }) invoiceId: string;
  @Column({ type: 'bigint', name: 'amount_minor' }) amountMinor: string;
}
