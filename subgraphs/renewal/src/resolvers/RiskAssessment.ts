import { toMoneyOutput } from '@rg/kit';
import { formatProbability } from '../domain/forecast';
import type { RiskAssessmentResolvers } from '../generated/resolvers';

export const RiskAssessment: RiskAssessmentResolvers = {
  probability: (h) => formatProbability(BigInt(h.probabilityBp)),
  currentArr: (h) => toMoneyOutput(BigInt(h.currentArrMinor), h.currency),
  forecastArr: (h) => toMoneyOutput(BigInt(h.forecastArrMinor), h.currency),
  reasons: (h) => h.factors.map((f) => f.reason),
  signals: (h) => h.factors,
  recordedAt: (h) => h.recordedAt.toISOString(),
};
