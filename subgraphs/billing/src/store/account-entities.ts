import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Billing's copy of a customer and its unapplied credit. */
@Entity({ name: 'customer_account' })
export class CustomerAccountRow {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'text', name: 'tax_region' }) taxRegion: string;
  @Column({ type: 'text', name: 'legal_entity_code' }) legalEntityCode: string;
  @Column({ type: 'text', name: 'partner_id', nullable: true }) partnerId: string | null;
  @Column({ type: 'bigint', name: 'credit_minor' }) creditMinor: string;
}
