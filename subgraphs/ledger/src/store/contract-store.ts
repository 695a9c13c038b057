import type { EntityManager } from 'typeorm';
import type { ContractTerms } from '@rg/kit';
import { ContractCopyRow } from './entities';

export async function findContract(m: EntityManager, id: string): Promise<ContractCopyRow | null> {
  return m.findOne(ContractCopyRow, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

export async function saveContract(m: EntityManager, terms: ContractTerms, status: string): Promise<void> {
  await m.upsert(
    ContractCopyRow,
    {
      id: terms.contractId,
      number: terms.number,
      customerId: terms.customerId,
      legalEntityCode: terms.legalEntityCode,
      currency: terms.currency,
      startDate: terms.startDate,
      endDate: terms.endDate,
      status,
      version: terms.version,
      terms,
    },
    ['id'],
  );
}

/** Records a contract change once; false when it was applied before (redelivered as another event). */
export async function claimContractChange(
  m: EntityManager,
  c: { amendmentId: string; contractId: string; kind: string; effectiveDate: string; sourceEventId: string },
): Promise<boolean> {
  const rows = await m.query(
    `INSERT INTO contract_change (amendment_id, contract_id, kind, effective_date, source_event_id)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING amendment_id`,
    [c.amendmentId, c.contractId, c.kind, c.effectiveDate, c.sourceEventId],
  );
  return rows.length > 0;
}
