import type { EntityManager } from 'typeorm';
import type { Obligation } from '../domain/obligations';
import { ObligationRow } from './entities';

export const obligationId = (contractId: string, key: string) => `${contractId}:${key}`;

export function toDomain(row: ObligationRow): Obligation {
  return {
    key: row.key,
    productCode: row.productCode,
    description: row.description,
    revenueKind: row.revenueKind,
    pattern: row.pattern,
    currency: row.currency,
    allocated: BigInt(row.allocated),
    serviceStart: row.serviceStart,
    serviceEnd: row.serviceEnd,
    deliveredOn: row.deliveredOn,
    segments: row.segments.map((s) => ({ start: s.start, end: s.end, amount: BigInt(s.amount), prior: BigInt(s.prior) })),
  };
}

function toRow(contractId: string, legalEntityCode: string, ob: Obligation): Omit<ObligationRow, 'seq'> {
  return {
    id: obligationId(contractId, ob.key),
    contractId,
    legalEntityCode,
    key: ob.key,
    productCode: ob.productCode,
    description: ob.description,
    revenueKind: ob.revenueKind,
    pattern: ob.pattern,
    currency: ob.currency,
    allocated: ob.allocated.toString(),
    serviceStart: ob.serviceStart,
    serviceEnd: ob.serviceEnd,
    deliveredOn: ob.deliveredOn,
    segments: ob.segments.map((s) => ({ start: s.start, end: s.end, amount: s.amount.toString(), prior: s.prior.toString() })),
  };
}

/** A contract's obligations in the order they arose, locked for the rest of the transaction. */
export async function lockObligations(m: EntityManager, contractId: string): Promise<Obligation[]> {
  const rows = await m.find(ObligationRow, { where: { contractId }, order: { seq: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  return rows.map(toDomain);
}

/** Writes the contract's obligations as they now stand: new ones are added, changed ones updated. */
export async function saveObligations(m: EntityManager, contractId: string, legalEntityCode: string, obligations: readonly Obligation[]) {
  for (const ob of obligations) {
    await m.upsert(ObligationRow, toRow(contractId, legalEntityCode, ob), ['id']);
  }
}
