import { In, type DataSource } from 'typeorm';
import { byKeyLoader, groupLoader, isPartnerScoped, type Actor } from '@rg/kit';
import { assessRisk, type RiskAssessment } from '../domain/risk-score';
import { RenewalRow, RiskAssessmentRow } from './entities';
import { loadSignals } from './signal-store';

/** Partner callers see only the renewals of customers they own. */
export const partnerScope = (actor: Actor | null): string | null =>
  isPartnerScoped(actor ?? undefined) ? (actor!.partnerId ?? '') : null;

export function createLoaders(ds: DataSource, actor: Actor | null) {
  const renewals = ds.getRepository(RenewalRow);
  const partner = partnerScope(actor);
  const visible = (r: RenewalRow) => partner === null || r.partnerId === partner;
  const renewalById = byKeyLoader<string, RenewalRow>(async (ids) => (await renewals.findBy({ id: In([...ids]) })).filter(visible), (r) => r.id);
  /** Renewals found another way are known by id too, so risk as of a date needs no second read. */
  const known = (rows: RenewalRow[]) => {
    for (const r of rows) renewalById.prime(r.id, r);
    return rows;
  };

  return {
    renewalById,
    renewalByContract: byKeyLoader<string, RenewalRow>(
      async (ids) => known((await renewals.findBy({ contractId: In([...ids]) })).filter(visible)),
      (r) => r.contractId,
    ),
    renewalsByCustomer: groupLoader<string, RenewalRow>(
      async (ids) => known((await renewals.find({ where: { customerId: In([...ids]) }, order: { renewalDate: 'ASC', id: 'ASC' } })).filter(visible)),
      (r) => r.customerId,
    ),
    historyByRenewal: groupLoader<string, RiskAssessmentRow>(
      (ids) => ds.getRepository(RiskAssessmentRow).find({ where: { renewalId: In([...ids]) }, order: { seq: 'ASC' } }),
      (h) => h.renewalId,
    ),
    /** Risk evaluated for a date, keyed "renewalId|asOf": one read of the signals for every renewal asked. */
    riskAsOf: byKeyLoader<string, { key: string; risk: RiskAssessment }>(
      async (keys) => {
        const asked = keys.map((key) => ({ key, id: key.split('|')[0], asOf: key.split('|')[1] }));
        const rows = (await Promise.all(asked.map((a) => renewalById.load(a.id)))).filter((r): r is RenewalRow => !!r);
        const signals = await loadSignals(ds.manager, rows);
        const byId = new Map(rows.map((r) => [r.id, r]));
        return asked
          .filter((a) => byId.has(a.id))
          .map((a) => ({ key: a.key, risk: assessRisk(signals.get(byId.get(a.id)!.contractId)!, a.asOf) }));
      },
      (x) => x.key,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
