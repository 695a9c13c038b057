import type { EntityManager } from 'typeorm';
import type { UsageMonth } from '../domain/billed-items';

export async function isKnownUsageEvent(m: EntityManager, eventId: string): Promise<boolean> {
  const rows = await m.query(`SELECT 1 FROM usage_record WHERE event_id = $1`, [eventId]);
  return rows.length > 0;
}

/** Records a usage event once; false when a concurrent request recorded the same event id first. */
export async function insertUsage(
  m: EntityManager,
  u: { eventId: string; contractId: string; productCode: string; quantity: number; occurredAt: string; month: string },
): Promise<boolean> {
  const rows = await m.query(
    `INSERT INTO usage_record (event_id, contract_id, product_code, quantity, occurred_at, usage_month)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
    [u.eventId, u.contractId, u.productCode, u.quantity, u.occurredAt, u.month],
  );
  return rows.length > 0;
}

export async function monthlyUsage(m: EntityManager, contractId: string): Promise<UsageMonth[]> {
  const rows: Array<{ product_code: string; usage_month: string; used: string }> = await m.query(
    `SELECT product_code, usage_month, sum(quantity)::text AS used FROM usage_record
      WHERE contract_id = $1 GROUP BY product_code, usage_month`,
    [contractId],
  );
  return rows.map((r) => ({ productCode: r.product_code, month: r.usage_month, used: BigInt(r.used) }));
}
