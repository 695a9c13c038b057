import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AmendmentKind, BillingFrequency, ChargeModel } from '@rg/kit';
import type { ApprovalLevel } from '../policies/approval-rules';
import type { QuoteStatus } from '../domain/quote-lifecycle';
import type { LineChange } from '../domain/amendment-plan';

// bigint columns come back from the driver as strings; the store converts them to bigint.

@Entity({ name: 'product' })
export class ProductRow {
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', name: 'charge_model' }) chargeModel: ChargeModel;
  @Column({ type: 'bigint', name: 'included_units', nullable: true }) includedUnits: string | null;
  @Column({ type: 'int' }) position: number;
}

@Entity({ name: 'product_price' })
export class ProductPriceRow {
  @PrimaryColumn({ type: 'text', name: 'product_code' }) productCode: string;
  @PrimaryColumn({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'bigint', name: 'list_micros' }) listMicros: string;
  @Column({ type: 'bigint', name: 'ssp_micros' }) sspMicros: string;
}

@Entity({ name: 'known_customer' })
export class KnownCustomerRow {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'text', name: 'tax_region' }) taxRegion: string;
  @Column({ type: 'text', name: 'legal_entity_code' }) legalEntityCode: string;
  @Column({ type: 'text', name: 'partner_id', nullable: true }) partnerId: string | null;
  @Column({ type: 'boolean', name: 'credit_hold' }) creditHold: boolean;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'quote' })
export class QuoteRow {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId: string;
  @Column({ type: 'text', name: 'partner_id', nullable: true }) partnerId: string | null;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'date', name: 'start_date' }) startDate: string;
  @Column({ type: 'int', name: 'term_months' }) termMonths: number;
  @Column({ type: 'text', name: 'billing_frequency' }) billingFrequency: BillingFrequency;
  @Column({ type: 'text' }) status: QuoteStatus;
  @Column({ type: 'text', name: 'required_approval' }) requiredApproval: ApprovalLevel;
  @Column({ type: 'text', name: 'created_by' }) createdBy: string;
  @Column({ type: 'text', name: 'submitted_by', nullable: true }) submittedBy: string | null;
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'text', name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', name: 'decision_comment', nullable: true }) decisionComment: string | null;
  @Column({ type: 'text', name: 'contract_id', nullable: true }) contractId: string | null;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

@Entity({ name: 'quote_line' })
export class QuoteLineRow {
  @PrimaryColumn({ type: 'text', name: 'quote_id' }) quoteId: string;
  @PrimaryColumn({ type: 'int' }) position: number;
  @Column({ type: 'text', name: 'product_code' }) productCode: string;
  @Column({ type: 'int' }) quantity: number;
  @Column({ type: 'int', name: 'discount_hundredths' }) discountHundredths: number;
  @Column({ type: 'bigint', name: 'list_micros' }) listMicros: string;
  @Column({ type: 'bigint', name: 'ssp_micros' }) sspMicros: string;
  @Column({ type: 'bigint', name: 'net_micros' }) netMicros: string;
}

@Entity({ name: 'contract' })
export class ContractRow {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ type: 'text' }) number: string;
  @Column({ type: 'text', name: 'quote_id' }) quoteId: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId: string;
  @Column({ type: 'text', name: 'partner_id', nullable: true }) partnerId: string | null;
  @Column({ type: 'text', name: 'legal_entity_code' }) legalEntityCode: string;
  @Column({ type: 'text', name: 'tax_region' }) taxRegion: string;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'date', name: 'start_date' }) startDate: string;
  @Column({ type: 'date', name: 'end_date' }) endDate: string;
  @Column({ type: 'int', name: 'term_months' }) termMonths: number;
  @Column({ type: 'text', name: 'billing_frequency' }) billingFrequency: BillingFrequency;
  @Column({ type: 'text' }) status: ContractStatus;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'date', name: 'cancelled_from', nullable: true }) cancelledFrom: string | null;
  @Column({ type: 'date', name: 'onboarding_completed_on', nullable: true }) onboardingCompletedOn: string | null;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

export type ContractStatus = 'ACTIVE' | 'CANCELLED';

@Entity({ name: 'contract_version' })
export class ContractVersionRow {
  @PrimaryColumn({ type: 'text', name: 'contract_id' }) contractId: string;
  @PrimaryColumn({ type: 'int' }) version: number;
  @Column({ type: 'text' }) status: ContractStatus;
  @Column({ type: 'date', name: 'effective_date' }) effectiveDate: string;
  @Column({ type: 'text', name: 'amendment_id', nullable: true }) amendmentId: string | null;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

@Entity({ name: 'contract_line' })
export class ContractLineRow {
  @PrimaryColumn({ type: 'text', name: 'contract_id' }) contractId: string;
  @PrimaryColumn({ type: 'int' }) version: number;
  @PrimaryColumn({ type: 'text', name: 'product_code' }) productCode: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'text', name: 'product_name' }) productName: string;
  @Column({ type: 'text', name: 'charge_model' }) chargeModel: ChargeModel;
  @Column({ type: 'bigint', name: 'included_units', nullable: true }) includedUnits: string | null;
  @Column({ type: 'int' }) quantity: number;
  @Column({ type: 'int', name: 'discount_hundredths' }) discountHundredths: number;
  @Column({ type: 'bigint', name: 'list_micros' }) listMicros: string;
  @Column({ type: 'bigint', name: 'net_micros' }) netMicros: string;
  @Column({ type: 'bigint', name: 'ssp_micros' }) sspMicros: string;
}

@Entity({ name: 'amendment' })
export class AmendmentRow {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ type: 'text', name: 'contract_id' }) contractId: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) kind: AmendmentKind;
  @Column({ type: 'date', name: 'effective_date' }) effectiveDate: string;
  @Column({ type: 'jsonb' }) changes: LineChange[];
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'text', name: 'created_by' }) createdBy: string;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

export const ENTITIES = [
  ProductRow,
  ProductPriceRow,
  KnownCustomerRow,
  QuoteRow,
  QuoteLineRow,
  ContractRow,
  ContractVersionRow,
  ContractLineRow,
  AmendmentRow,
];
