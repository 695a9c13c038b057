import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'subscription' })
export class SubscriptionRow {
  @PrimaryColumn({ type: 'text', name: 'contract_id' }) contractId: string;
  @Column({ type: 'text', name: 'customer_id' }) customerId: string;
  @Column({ type: 'text' }) number: string;
  @Column({ type: 'text', name: 'legal_entity_code' }) legalEntityCode: string;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'text', name: 'partner_id', nullable: true }) partnerId: string | null;
  @Column({ type: 'date', name: 'start_date' }) startDate: string;
  @Column({ type: 'date', name: 'end_date' }) endDate: string;
  @Column({ type: 'text', name: 'billing_frequency' }) billingFrequency: 'MONTHLY' | 'QUARTERLY' | 'ANNUAL';
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'date', name: 'cancelled_from', nullable: true }) cancelledFrom: string | null;
}

@Entity({ name: 'subscription_line' })
export class SubscriptionLineRow {
  @PrimaryColumn({ type: 'text', name: 'contract_id' }) contractId: string;
  @PrimaryColumn({ type: 'text', name: 'product_code' }) productCode: string;
  @Column({ type: 'text', name: 'product_name' }) productName: string;
  @Column({ type: 'text', name: 'charge_model' }) chargeModel: 'FLAT' | 'PER_UNIT' | 'TIERED_USAGE' | 'ONE_TIME';
  @Column({ type: 'integer', name: 'initial_quantity' }) initialQuantity: number;
  @Column({ type: 'integer' }) quantity: number;
  @Column({ type: 'bigint', name: 'unit_price_micros' }) unitPriceMicros: string;
  @Column({ type: 'bigint', name: 'included_units', nullable: true }) includedUnits: string | null;
}

@Entity({ name: 'term_change' })
export class TermChangeRow {
  @PrimaryColumn({ type: 'text', name: 'amendment_id' }) amendmentId: string;
  @PrimaryColumn({ type: 'text', name: 'product_code' }) productCode: string;
  @Column({ type: 'text', name: 'contract_id' }) contractId: string;
  @Column({ type: 'text' }) kind: 'QUANTITY_CHANGE' | 'ADD_PRODUCT' | 'REMOVE_PRODUCT' | 'CANCELLATION';
  @Column({ type: 'date', name: 'effective_date' }) effectiveDate: string;
  @Column({ type: 'integer', name: 'quantity_before' }) quantityBefore: number;
  @Column({ type: 'integer', name: 'quantity_after' }) quantityAfter: number;
}

@Entity({ name: 'usage_record' })
export class UsageRecordRow {
  @PrimaryColumn({ type: 'text', name: 'event_id' }) eventId: string;
  @Column({ type: 'text', name: 'contract_id' }) contractId: string;
  @Column({ type: 'text', name: 'product_code' }) productCode: string;
  @Column({ type: 'bigint' }) quantity: string;
  @Column({ type: 'timestamptz', name: 'occurred_at' }) occurredAt: Date;
  @Column({ type: 'text', name: 'usage_month' }) usageMonth: string;
  @Column({ type: 'timestamptz', name: 'recorded_at' }) recordedAt: Date;
}
