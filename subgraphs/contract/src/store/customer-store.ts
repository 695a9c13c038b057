import type { EntityManager } from 'typeorm';
import type { CustomerCreatedV1, CustomerUpdatedV1 } from '@rg/kit';
import { KnownCustomerRow } from './entities';

/** Locks the local copy of a customer, so a credit hold cannot land between check and order. */
export const lockKnownCustomer = (m: EntityManager, id: string): Promise<KnownCustomerRow | null> =>
  m.findOne(KnownCustomerRow, { where: { id }, lock: { mode: 'pessimistic_read' } });

/** Records a customer the first time its creation is seen; a replay changes nothing. */
export async function rememberCustomer(m: EntityManager, c: CustomerCreatedV1): Promise<boolean> {
  const inserted = await m.query(
    `INSERT INTO known_customer (id, name, currency, tax_region, legal_entity_code, partner_id)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [c.customerId, c.name, c.currency, c.taxRegion, c.legalEntityCode, c.partnerId],
  );
  return inserted.length > 0;
}

/** Follows a rename or a move to another tax region; false when the customer is not known here. */
export async function updateCustomerFacts(m: EntityManager, c: CustomerUpdatedV1): Promise<boolean> {
  const [, affected] = await m.query(`UPDATE known_customer SET name = $2, tax_region = $3, updated_at = now() WHERE id = $1`, [
    c.customerId,
    c.name,
    c.taxRegion,
  ]);
  return affected > 0;
}

/** Updates the credit hold; false when the customer is not known here. */
export async function updateCreditHold(m: EntityManager, customerId: string, hold: boolean): Promise<boolean> {
  // For an UPDATE the driver answers [rows, affected row count].
  const [, affected] = await m.query(`UPDATE known_customer SET credit_hold = $2, updated_at = now() WHERE id = $1`, [
    customerId,
    hold,
  ]);
  return affected > 0;
}
