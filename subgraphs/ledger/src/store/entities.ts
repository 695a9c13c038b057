import { Column, Entity, PrimaryColumn } from 'typeorm';

// Money columns are bigint minor units; TypeORM hands them over as strings.

@Entity({ name: 'legal_entity' })
export class LegalEntityRow {
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'char', length: 3 }) currency: string;
}

@Entity({ name: 'account' })
export class AccountRow {
  @PrimaryColumn({ type: 'text', name: 'legal_entity_code' }) legalEntityCode: string;
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) type: 'ASSET' | 'LIABILITY' | 'EQUITY' | 'REVENUE' | 'EXPENSE';
}

@Entity({ name: 'accounting_period' })
export class AccountingPeriodRow {
  @PrimaryColumn({ type: 'text', name: 'legal_entity_code' }) legalEntityCode: string;
  @PrimaryColumn({ type: 'text' }) period: string;
  @Column({ type: 'text' }) status: 'OPEN' | 'CLOSED';
  @Column({ type: 'timestamptz', name: 'changed_at' }) changedAt: Date;
  @Column({ type: 'text', name: 'changed_by' }) changedBy: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
}

@Entity({ name: 'journal_entry' })
export class JournalEntryRow {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ type: 'text', name: 'legal_entity_code' }) legalEntityCode: string;
  @Column({ type: 'date', name: 'entry_date' }) entryDate: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text' }) purpose: string;
  @Column({ type: 'uuid', name: 'source_event_id', nullable: true }) sourceEventId: string | null;
  @Column({ type: 'text', name: 'invoice_id', nullable: true }) invoiceId: string | null;
  @Column({ type: 'text', name: 'contract_id', nullable: true }) contractId: string | null;
  @Column({ type: 'text', name: 'reversal_of', nullable: true }) reversalOf: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'uuid', name: 'recognition_run_id', nullable: true }) recognitionRunId: string | null;
  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false }) createdAt: Date;
}

@Entity({ name: 'obligation' })
export class ObligationRow {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ type: 'text', name: 'contract_id' }) contractId: string;
  @Column({ type: 'text', name: 'legal_entity_code' }) legalEntityCode: string;
  @Column({ type: 'text' }) key: string;
  @Column({ type: 'text', name: 'product_code' }) productCode: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text', name: 'revenue_kind' }) revenueKind: 'RECURRING' | 'ONE_TIME';
  @Column({ type: 'text' }) pattern: 'RATABLE' | 'POINT_IN_TIME';
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'bigint' }) allocated: string;
  @Column({ type: 'date', name: 'service_start', nullable: true }) serviceStart: string | null;
  @Column({ type: 'date', name: 'service_end', nullable: true }) serviceEnd: string | null;
  @Column({ type: 'date', name: 'delivered_on', nullable: true }) deliveredOn: string | null;
  @Column({ type: 'jsonb' }) segments: Array<{ start: string; end: string; amount: string; prior: string }>;
}

@Entity({ name: 'contract_copy' })
export class ContractCopyRow {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) number: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId: string;
  @Column({ type: 'text', name: 'legal_entity_code' }) legalEntityCode: string;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'date', name: 'start_date' }) startDate: string;
  @Column({ type: 'date', name: 'end_date' }) endDate: string;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) terms: unknown;
}

@Entity({ name: 'invoice_copy' })
export class InvoiceCopyRow {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) number: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId: string;
  @Column({ type: 'text', name: 'contract_id', nullable: true }) contractId: string | null;
  @Column({ type: 'text', name: 'legal_entity_code' }) legalEntityCode: string;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'date', name: 'issue_date' }) issueDate: string;
  @Column({ type: 'bigint' }) total: string;
  @Column({ type: 'date', name: 'voided_on', nullable: true }) voidedOn: string | null;
}
