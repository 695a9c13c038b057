import type { EntityManager } from 'typeorm';
import { CustomerAccountRow } from './account-entities';

export interface AccountFacts {
  id: string;
  currency: string;
  taxRegion: string;
  legalEntityCode: string;
  partnerId: string | null;
}

/** Records what billing knows of a customer; the customer's own event wins over contract terms. */
export async function upsertAccount(m: EntityManager, facts: AccountFacts, source: 'customer' | 'contract'): Promise<void> {
  await m.query(
    `INSERT INTO customer_account (id, currency, tax_region, legal_entity_code, partner_id)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO ${
       source === 'customer'
         ? `UPDATE SET currency = EXCLUDED.currency, tax_region = EXCLUDED.tax_region,
                 legal_entity_code = EXCLUDED.legal_entity_code, partner_id = EXCLUDED.partner_id`
         : 'NOTHING'
     }`,
    [facts.id, facts.currency, facts.taxRegion, facts.legalEntityCode, facts.partnerId],
  );
}

/** A customer moved to another tax region: invoices from now on are taxed by the new one. */
export async function changeTaxRegion(m: EntityManager, id: string, taxRegion: string): Promise<void> {
  await m.query(`UPDATE customer_account SET tax_region = $2 WHERE id = $1`, [id, taxRegion]);
}

/** Locks the account for the rest of the transaction: credit and payments change under this lock. */
export const lockAccount = (m: EntityManager, id: string): Promise<CustomerAccountRow | null> =>
  m.findOne(CustomerAccountRow, { where: { id }, lock: { mode: 'pessimistic_write' } });

export async function changeCredit(m: EntityManager, id: string, deltaMinor: bigint): Promise<void> {
  if (deltaMinor === 0n) return;
  await m.query(`UPDATE customer_account SET credit_minor = credit_minor + $2 WHERE id = $1`, [id, deltaMinor.toString()]);
}
