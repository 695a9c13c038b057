import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'customer' })
export class CustomerRow {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'text', name: 'tax_region' }) taxRegion: string;
  @Column({ type: 'text', name: 'legal_entity_code' }) legalEntityCode: string;
  @Column({ type: 'text', name: 'parent_id', nullable: true }) parentId: string | null;
  @Column({ type: 'text', name: 'partner_id', nullable: true }) partnerId: string | null;
  @Column({ type: 'boolean', name: 'credit_hold', default: false }) creditHold: boolean;
  @Column({ type: 'text', name: 'credit_hold_reason', nullable: true }) creditHoldReason: string | null;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'bigint', name: 'seq', insert: false, update: false }) seq: string;
}

@Entity({ name: 'legal_entity' })
export class LegalEntityRow {
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'char', length: 3 }) currency: string;
}

@Entity({ name: 'tax_region' })
export class TaxRegionRow {
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
}
