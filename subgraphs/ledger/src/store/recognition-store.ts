import { In, type EntityManager } from 'typeorm';
import { periodEnd } from '@rg/kit';
import type { ObligationState } from '../domain/recognition';
import { ObligationRow } from './entities';
import { toDomain } from './obligation-store';

/**
 * The entity's obligations with the revenue already booked for each up to the period's end
 * (from the journal itself: revenue-account lines tagged with the obligation), locked so two
 * runs cannot book the same revenue twice.
 */
export async function obligationStates(m: EntityManager, legalEntityCode: string, period: string): Promise<Array<ObligationState & { contractNumber: string }>> {
  const rows = await m.query(
    `SELECT o.id, c.number AS contract_number,
            COALESCE((SELECT sum(l.credit - l.debit)
                        FROM journal_line l
                        JOIN journal_entry e ON e.id = l.entry_id
                        JOIN account a ON a.legal_entity_code = l.legal_entity_code AND a.code = l.account_code
                       WHERE l.obligation_id = o.id AND a.type = 'REVENUE' AND e.entry_date <= $2), 0)::text AS posted
       FROM obligation o JOIN contract_copy c ON c.id = o.contract_id
      WHERE o.legal_entity_code = $1
      ORDER BY o.seq
      FOR UPDATE OF o`,
    [legalEntityCode, periodEnd(period)],
  );
  if (rows.length === 0) return [];
  const full = await m.findBy(ObligationRow, { id: In(rows.map((r: { id: string }) => r.id)) });
  const byId = new Map(full.map((r) => [r.id, r]));
  return rows.map((r: { id: string; contract_number: string; posted: string }) => ({
    id: r.id,
    contractNumber: r.contract_number,
    obligation: toDomain(byId.get(r.id)!),
    posted: BigInt(r.posted),
  }));
}

export async function recordRun(m: EntityManager, run: { id: string; legalEntityCode: string; period: string; by: string; correlationId: string }) {
  await m.query(
    `INSERT INTO recognition_run (id, legal_entity_code, period, ran_by, correlation_id) VALUES ($1, $2, $3, $4, $5)`,
    [run.id, run.legalEntityCode, run.period, run.by, run.correlationId],
  );
}
