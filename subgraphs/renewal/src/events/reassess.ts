import type { EntityManager } from 'typeorm';
import { maxDate } from '@rg/kit';
import { assessRisk } from '../domain/risk-score';
import { forecastArrMinor, probabilityBp } from '../domain/forecast';
import { RenewalRow } from '../store/entities';
import { loadSignals } from '../store/signal-store';
import { appendAssessment } from '../store/renewal-store';

export interface Cause {
  type: string;
  eventId: string | null;
}

/** What a stored assessment is compared on: a new history entry is kept only when one of these moved. */
const fingerprint = (x: { score: number; level: string; reasons: string[]; arr: string; probabilityBp: string }) => JSON.stringify(x);

/**
 * Re-scores renewals as of a business date and keeps the history of every change. The stored
 * score never moves back in business time: a signal dated before the renewal's latest score is
 * folded into an evaluation at that later date.
 */
export async function reassess(m: EntityManager, renewals: readonly RenewalRow[], businessDate: string, cause: Cause) {
  if (renewals.length === 0) return;
  const signals = await loadSignals(m, renewals);
  const previous = await m.query(
    `SELECT DISTINCT ON (renewal_id) renewal_id, score, level, factors, current_arr_minor, probability_bp
       FROM risk_assessment WHERE renewal_id = ANY($1) ORDER BY renewal_id, seq DESC`,
    [renewals.map((r) => r.id)],
  );
  const lastBy = new Map<string, string>(
    previous.map((p: { renewal_id: string; score: number; level: string; factors: Array<{ reason: string }>; current_arr_minor: string; probability_bp: number }) => [
      p.renewal_id,
      fingerprint({ score: p.score, level: p.level, reasons: p.factors.map((f) => f.reason), arr: String(p.current_arr_minor), probabilityBp: String(p.probability_bp) }),
    ]),
  );
  for (const r of renewals) {
    const asOf = maxDate(r.scoredAsOf, businessDate);
    const a = assessRisk(signals.get(r.contractId)!, asOf);
    r.riskScore = a.score;
    r.riskLevel = a.level;
    r.riskFactors = a.factors;
    r.scoredAsOf = a.asOf;
    await m.save(RenewalRow, r);
    const bp = probabilityBp(r.status, a.level);
    const now = fingerprint({ score: a.score, level: a.level, reasons: a.reasons, arr: r.currentArrMinor, probabilityBp: bp.toString() });
    if (lastBy.get(r.id) === now) continue;
    await appendAssessment(m, {
      renewalId: r.id,
      asOf,
      score: a.score,
      level: a.level,
      probabilityBp: Number(bp),
      currency: r.currency,
      currentArrMinor: r.currentArrMinor,
      forecastArrMinor: forecastArrMinor(BigInt(r.currentArrMinor), bp).toString(),
      factors: a.factors,
      causedBy: cause.type,
      causeEventId: cause.eventId,
    });
  }
}
