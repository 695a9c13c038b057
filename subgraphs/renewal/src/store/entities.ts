import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ContractTermLine } from '@rg/kit';
import type { RiskLevel } from '../domain/risk-model';
import type { RiskFactor } from '../domain/risk-score';
import type { RenewalStatus } from '../domain/forecast';

/** One renewal per contract, with the contract terms it is valued from and its latest risk score. */
@Entity({ name: 'renewal' })
export class RenewalRow {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text', name: 'contract_id' }) contractId: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId: string;
  @Column({ type: 'text', name: 'partner_id', nullable: true }) partnerId: string | null;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'integer', name: 'contract_version' }) contractVersion: number;
  @Column({ type: 'date', name: 'start_date' }) startDate: string;
  @Column({ type: 'date', name: 'end_date' }) endDate: string;
  @Column({ type: 'date', name: 'renewal_date' }) renewalDate: string;
  @Column({ type: 'jsonb' }) lines: ContractTermLine[];
  @Column({ type: 'text' }) status: RenewalStatus;
  @Column({ type: 'bigint', name: 'current_arr_minor' }) currentArrMinor: string;
  @Column({ type: 'bigint', name: 'lost_arr_minor', nullable: true }) lostArrMinor: string | null;
  @Column({ type: 'date', name: 'decided_on', nullable: true }) decidedOn: string | null;
  @Column({ type: 'text', name: 'new_contract_id', nullable: true }) newContractId: string | null;
  @Column({ type: 'integer', name: 'risk_score' }) riskScore: number;
  @Column({ type: 'text', name: 'risk_level' }) riskLevel: RiskLevel;
  @Column({ type: 'jsonb', name: 'risk_factors' }) riskFactors: RiskFactor[];
  @Column({ type: 'date', name: 'scored_as_of' }) scoredAsOf: string;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

/** Every change of a renewal's score, with the signals it was computed from. */
@Entity({ name: 'risk_assessment' })
export class RiskAssessmentRow {
  @PrimaryGeneratedColumn({ type: 'bigint' }) seq: string;
  @Column({ type: 'text', name: 'renewal_id' }) renewalId: string;
  @Column({ type: 'date', name: 'as_of' }) asOf: string;
  @Column({ type: 'integer' }) score: number;
  @Column({ type: 'text' }) level: RiskLevel;
  @Column({ type: 'integer', name: 'probability_bp' }) probabilityBp: number;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'bigint', name: 'current_arr_minor' }) currentArrMinor: string;
  @Column({ type: 'bigint', name: 'forecast_arr_minor' }) forecastArrMinor: string;
  @Column({ type: 'jsonb' }) factors: RiskFactor[];
  @Column({ type: 'text', name: 'caused_by' }) causedBy: string;
  @Column({ type: 'uuid', name: 'cause_event_id', nullable: true }) causeEventId: string | null;
  @Column({ type: 'timestamptz', name: 'recorded_at' }) recordedAt: Date;
}

/** A change of a contract's ARR on a business date; EXPIRY rows are scheduled at the renewal date. */
@Entity({ name: 'arr_change' })
export class ArrChangeRow {
  @PrimaryGeneratedColumn({ type: 'bigint' }) seq: string;
  @Column({ type: 'text', name: 'contract_id' }) contractId: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId: string;
  @Column({ type: 'text', name: 'partner_id', nullable: true }) partnerId: string | null;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'date', name: 'effective_date' }) effectiveDate: string;
  @Column({ type: 'bigint', name: 'delta_minor' }) deltaMinor: string;
  @Column({ type: 'text' }) cause: 'ACTIVATION' | 'AMENDMENT' | 'CANCELLATION' | 'EXPIRY';
  @Column({ type: 'text', name: 'source_id' }) sourceId: string;
}

@Entity({ name: 'payment_failure' })
export class PaymentFailureRow {
  @PrimaryColumn({ type: 'text', name: 'payment_id' }) paymentId: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId: string;
  @Column({ type: 'text', name: 'invoice_id', nullable: true }) invoiceId: string | null;
  @Column({ type: 'date', name: 'failed_on' }) failedOn: string;
  @Column({ type: 'bigint', name: 'amount_minor' }) amountMinor: string;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'text' }) reason: string;
}

@Entity({ name: 'customer_invoice' })
export class CustomerInvoiceRow {
  @PrimaryColumn({ type: 'text', name: 'invoice_id' }) invoiceId: string;
  @Column({ type: 'text' }) number: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId: string;
  @Column({ type: 'text', name: 'contract_id', nullable: true }) contractId: string | null;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'date', name: 'issue_date' }) issueDate: string;
  @Column({ type: 'date', name: 'due_date' }) dueDate: string;
  @Column({ type: 'bigint', name: 'amount_due_minor' }) amountDueMinor: string;
  @Column({ type: 'date', name: 'voided_on', nullable: true }) voidedOn: string | null;
}

@Entity({ name: 'invoice_payment' })
export class InvoicePaymentRow {
  @PrimaryColumn({ type: 'text', name: 'payment_id' }) paymentId: string;
  @PrimaryColumn({ type: 'text', name: 'invoice_id' }) invoiceId: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId: string;
  @Column({ type: 'date', name: 'applied_on' }) appliedOn: string;
  @Column({ type: 'bigint', name: 'amount_minor' }) amountMinor: string;
}

@Entity({ name: 'contract_contraction' })
export class ContractionRow {
  @PrimaryColumn({ type: 'text', name: 'amendment_id' }) amendmentId: string;
  @PrimaryColumn({ type: 'text', name: 'product_code' }) productCode: string;
  @Column({ type: 'text', name: 'contract_id' }) contractId: string;
  @Column({ type: 'date', name: 'effective_date' }) effectiveDate: string;
  @Column({ type: 'text', name: 'product_name' }) productName: string;
  @Column({ type: 'integer', name: 'quantity_before' }) quantityBefore: number;
  @Column({ type: 'integer', name: 'quantity_after' }) quantityAfter: number;
}

@Entity({ name: 'contract_usage' })
export class ContractUsageRow {
  @PrimaryColumn({ type: 'text', name: 'contract_id' }) contractId: string;
  @PrimaryColumn({ type: 'text', name: 'product_code' }) productCode: string;
  @PrimaryColumn({ type: 'text' }) month: string;
  @Column({ type: 'numeric', precision: 24, scale: 6 }) quantity: string;
}

@Entity({ name: 'credit_hold_change' })
export class CreditHoldChangeRow {
  @PrimaryGeneratedColumn({ type: 'bigint' }) seq: string;
  @Column({ type: 'uuid', name: 'event_id' }) eventId: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId: string;
  @Column({ type: 'date', name: 'changed_on' }) changedOn: string;
  @Column({ type: 'boolean' }) hold: boolean;
  @Column({ type: 'text' }) reason: string;
}

export const ENTITIES = [
  RenewalRow,
  RiskAssessmentRow,
  ArrChangeRow,
  PaymentFailureRow,
  CustomerInvoiceRow,
  InvoicePaymentRow,
  ContractionRow,
  ContractUsageRow,
  CreditHoldChangeRow,
];
