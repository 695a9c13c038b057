import { divRound, formatScaled, parseScaled } from '@rg/kit';
import { RISK_MODEL, type RiskLevel, type RiskModel } from './risk-model';

export type RenewalStatus = 'OPEN' | 'RENEWED' | 'CHURNED';

/** Probabilities are kept in basis points (0.60 = 6000) so every product with money stays integral. */
const BP_DIGITS = 4;
const ONE = 10_000n;

/** A decided renewal is certain; an open one is as likely as its risk level says. */
export function probabilityBp(status: RenewalStatus, level: RiskLevel, model: RiskModel = RISK_MODEL): bigint {
  if (status === 'RENEWED') return ONE;
  if (status === 'CHURNED') return 0n;
  return parseScaled(model.probability[level], BP_DIGITS);
}

/** "0.60": at least two decimals, more only when the model uses them. */
export function formatProbability(bp: bigint): string {
  const [whole, frac] = formatScaled(bp, BP_DIGITS).split('.');
  return `${whole}.${frac.replace(/0+$/, '').padEnd(2, '0')}`;
}

/** Expected ARR of one renewal, rounded half-up to the minor unit. */
export const forecastArrMinor = (currentArrMinor: bigint, bp: bigint): bigint => divRound(currentArrMinor * bp, ONE);

export interface ForecastItem {
  currentArrMinor: bigint;
  probabilityBp: bigint;
  level: RiskLevel;
  status: RenewalStatus;
}

export interface ForecastTotals {
  renewals: number;
  currentArrMinor: bigint;
  forecastArrMinor: bigint;
  /** ARR of open renewals at HIGH risk. */
  atRiskArrMinor: bigint;
  /** ARR already lost in the window. */
  churnedArrMinor: bigint;
}

/** Sums renewals due in a window; each forecast is rounded on its own, so the total matches the rows. */
export function sumForecast(items: readonly ForecastItem[]): ForecastTotals {
  const totals: ForecastTotals = { renewals: 0, currentArrMinor: 0n, forecastArrMinor: 0n, atRiskArrMinor: 0n, churnedArrMinor: 0n };
  for (const r of items) {
    totals.renewals += 1;
    totals.currentArrMinor += r.currentArrMinor;
    totals.forecastArrMinor += forecastArrMinor(r.currentArrMinor, r.probabilityBp);
    if (r.status === 'OPEN' && r.level === 'HIGH') totals.atRiskArrMinor += r.currentArrMinor;
    if (r.status === 'CHURNED') totals.churnedArrMinor += r.currentArrMinor;
  }
  return totals;
}
