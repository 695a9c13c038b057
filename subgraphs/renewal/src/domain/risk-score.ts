import { contractions, creditHold, failedPayments, overdueInvoices, usageDecline } from './observations';
import { RISK_MODEL, type RiskLevel, type RiskModel, type SignalWeight } from './risk-model';
import type { RiskObservation, RiskSignals, SignalKind } from './risk-signals';

export interface RiskFactor extends RiskObservation {
  points: number;
}

/** A renewal's churn risk as of a date, with the evidence and the points each piece earned. */
export interface RiskAssessment {
  asOf: string;
  score: number;
  level: RiskLevel;
  reasons: string[];
  factors: RiskFactor[];
}

/** Weight of each signal kind, in the order reasons are listed (the order CSMs act on them). */
const WEIGHTS: ReadonlyArray<[SignalKind, (m: RiskModel) => SignalWeight]> = [
  ['PAYMENT_FAILURE', (m) => m.paymentFailure],
  ['OVERDUE_INVOICE', (m) => m.overdueInvoice],
  ['CREDIT_HOLD', (m) => m.creditHold],
  ['CONTRACTION', (m) => m.contraction],
  ['USAGE_DECLINE', (m) => m.usageDecline],
];

export function levelOf(score: number, model: RiskModel = RISK_MODEL): RiskLevel {
  return model.levels.find((l) => score >= l.minScore)?.level ?? 'LOW';
}

/**
 * Scores churn risk deterministically: each observation earns its signal's points (most recent
 * first) until the signal's cap; the total is capped at `maxScore` and mapped to a level.
 */
export function assessRisk(signals: RiskSignals, asOf: string, model: RiskModel = RISK_MODEL): RiskAssessment {
  const observations = [
    ...failedPayments(signals, asOf, model),
    ...overdueInvoices(signals, asOf, model),
    ...creditHold(signals, asOf),
    ...contractions(signals, asOf, model),
    ...usageDecline(signals, asOf, model),
  ];
  const factors: RiskFactor[] = [];
  for (const [kind, weightOf] of WEIGHTS) {
    const { pointsEach, maxPoints } = weightOf(model);
    let left = maxPoints;
    const ofKind = observations
      .filter((o) => o.kind === kind)
      .sort((a, b) => (a.occurredOn === b.occurredOn ? a.reason.localeCompare(b.reason) : a.occurredOn > b.occurredOn ? -1 : 1));
    for (const o of ofKind) {
      const points = Math.min(pointsEach, left);
      left -= points;
      factors.push({ ...o, points });
    }
  }
  const score = Math.min(model.maxScore, factors.reduce((sum, f) => sum + f.points, 0));
  return { asOf, score, level: levelOf(score, model), reasons: factors.map((f) => f.reason), factors };
}
