/**
 * The churn-risk model as data: how much each signal weighs, how far back it looks, where the
 * levels start and what each level means for the renewal forecast. Tuning the model means
 * editing these numbers, not the scoring code.
 */
export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH';

export interface SignalWeight {
  /** Points for each occurrence of the signal. */
  pointsEach: number;
  /** The most points this signal can contribute, however many occurrences. */
  maxPoints: number;
}

export interface RiskModel {
  paymentFailure: SignalWeight & { lookbackDays: number };
  overdueInvoice: SignalWeight & { graceDays: number };
  contraction: SignalWeight & { lookbackDays: number };
  usageDecline: SignalWeight & { baselineMonths: number; minDropPercent: number };
  creditHold: SignalWeight;
  maxScore: number;
  /** A score at or above a level's threshold has that level (highest first). */
  levels: ReadonlyArray<{ level: RiskLevel; minScore: number }>;
  /** Renewal probability per risk level, as a decimal string. */
  probability: Record<RiskLevel, string>;
}

export const RISK_MODEL: RiskModel = {
  paymentFailure: { lookbackDays: 90, pointsEach: 25, maxPoints: 50 },
  overdueInvoice: { graceDays: 0, pointsEach: 20, maxPoints: 40 },
  contraction: { lookbackDays: 365, pointsEach: 20, maxPoints: 40 },
  usageDecline: { baselineMonths: 3, minDropPercent: 20, pointsEach: 15, maxPoints: 15 },
  creditHold: { pointsEach: 30, maxPoints: 30 },
  maxScore: 100,
  levels: [
    { level: 'HIGH', minScore: 50 },
    { level: 'MEDIUM', minScore: 25 },
    { level: 'LOW', minScore: 0 },
  ],
  probability: { LOW: '0.90', MEDIUM: '0.60', HIGH: '0.30' },
};
