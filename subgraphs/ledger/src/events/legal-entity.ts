import type { EntityManager } from 'typeorm';
import { PermanentEventError } from '@rg/kit';

/** An event for a legal entity the ledger has no books for cannot be posted by retrying. */
export async function requireLegalEntity(m: EntityManager, code: string): Promise<void> {
  const rows = await m.query(`SELECT 1 FROM legal_entity WHERE code = $1`, [code]);
  if (rows.length === 0) throw new PermanentEventError(`Unknown legal entity ${code}`);
}
