import { In, type EntityManager } from 'typeorm';
import { ArrChangeRow, RenewalRow, RiskAssessmentRow } from './entities';

export const findRenewalByContract = (m: EntityManager, contractId: string, lock = false) =>
  m.findOne(RenewalRow, { where: { contractId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });

export const findRenewal = (m: EntityManager, id: string) =>
  m.findOne(RenewalRow, { where: { id }, lock: { mode: 'pessimistic_write' } });

/** The open renewals of customers, locked: customer-wide signals reassess every one of them. */
export const openRenewalsOf = (m: EntityManager, customerIds: readonly string[]) =>
  m.find(RenewalRow, {
    where: { customerId: In([...customerIds]), status: 'OPEN' },
    order: { renewalDate: 'ASC', id: 'ASC' },
    lock: { mode: 'pessimistic_write' },
  });

export async function recordArrChange(m: EntityManager, row: Omit<ArrChangeRow, 'seq'>) {
  await m.query(
    `INSERT INTO arr_change (contract_id, customer_id, partner_id, currency, effective_date, delta_minor, cause, source_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (contract_id, cause, source_id) DO NOTHING`,
    [row.contractId, row.customerId, row.partnerId, row.currency, row.effectiveDate, row.deltaMinor, row.cause, row.sourceId],
  );
}

/** The contract's revenue stops at its renewal date unless a cancellation stops it sooner. */
export async function scheduleExpiry(m: EntityManager, r: RenewalRow) {
  await m.query(
    `INSERT INTO arr_change (contract_id, customer_id, partner_id, currency, effective_date, delta_minor, cause, source_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'EXPIRY', 'term')
     ON CONFLICT (contract_id, cause, source_id) DO UPDATE SET delta_minor = EXCLUDED.delta_minor, effective_date = EXCLUDED.effective_date`,
    [r.contractId, r.customerId, r.partnerId, r.currency, r.renewalDate, (-BigInt(r.currentArrMinor)).toString()],
  );
}

export async function cancelExpiry(m: EntityManager, contractId: string) {
  await m.query(`DELETE FROM arr_change WHERE contract_id = $1 AND cause = 'EXPIRY'`, [contractId]);
}

/** Each customer's ARR in a currency before `from`, summed by the database. */
export async function openingArrByCustomer(m: EntityManager, currency: string, from: string, partnerId: string | null) {
  const rows: Array<{ customer_id: string; arr: string }> = await m.query(
    `SELECT customer_id, sum(delta_minor)::text AS arr FROM arr_change
      WHERE currency = $1 AND effective_date < $2 AND ($3::text IS NULL OR partner_id = $3)
      GROUP BY customer_id`,
    [currency, from, partnerId],
  );
  return new Map(rows.map((r) => [r.customer_id, BigInt(r.arr)]));
}

/** The ARR changes dated in [from, to], in the order they happened. */
export function arrChangesBetween(m: EntityManager, currency: string, from: string, to: string, partnerId: string | null) {
  return m
    .getRepository(ArrChangeRow)
    .createQueryBuilder('a')
    .where('a.currency = :currency AND a.effective_date BETWEEN :from AND :to', { currency, from, to })
    .andWhere(partnerId !== null ? 'a.partner_id = :partnerId' : 'TRUE', { partnerId })
    .orderBy('a.effective_date', 'ASC')
    .addOrderBy('a.seq', 'ASC')
    .getMany();
}

export async function appendAssessment(m: EntityManager, row: Omit<RiskAssessmentRow, 'seq' | 'recordedAt'>) {
  await m.insert(RiskAssessmentRow, { ...row, recordedAt: new Date() });
}

export interface DueFilter {
  from: string;
  to: string;
  currency?: string | null;
  riskLevel?: string | null;
  status?: string | null;
  partnerId: string | null;
  limit?: number;
}

/** Renewals due in [from, to], soonest first. */
export function renewalsDue(m: EntityManager, f: DueFilter) {
  const qb = m
    .getRepository(RenewalRow)
    .createQueryBuilder('r')
    .where('r.renewal_date BETWEEN :from AND :to', { from: f.from, to: f.to })
    .orderBy('r.renewal_date', 'ASC')
    .addOrderBy('r.id', 'ASC');
  if (f.currency) qb.andWhere('r.currency = :currency', { currency: f.currency });
  if (f.riskLevel) qb.andWhere('r.risk_level = :level', { level: f.riskLevel });
  if (f.status) qb.andWhere('r.status = :status', { status: f.status });
  if (f.partnerId !== null) qb.andWhere('r.partner_id = :partnerId', { partnerId: f.partnerId });
  if (f.limit) qb.limit(f.limit);
  return qb.getMany();
}
