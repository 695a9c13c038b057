import { badUserInput, isValidDate } from '@rg/kit';
import type { RenewalStatus } from '../domain/forecast';
import type { RiskLevel } from '../domain/risk-model';
import type { RiskFactor } from '../domain/risk-score';
import type { Context } from '../context';
import type { RenewalRow } from '../store/entities';

export interface RiskView {
  score: number;
  level: RiskLevel;
  factors: RiskFactor[];
  status: RenewalStatus;
}

/** A decision counts from the day it was made: before that the renewal was still open. */
const statusAt = (r: RenewalRow, asOf: string): RenewalStatus => (r.decidedOn && r.decidedOn <= asOf ? r.status : 'OPEN');

/** The stored score, or the score evaluated for `asOf` from the signals known now. */
export async function riskOf(r: RenewalRow, asOf: string | null | undefined, ctx: Context): Promise<RiskView> {
  if (!asOf) return { score: r.riskScore, level: r.riskLevel, factors: r.riskFactors, status: r.status };
  if (!isValidDate(asOf)) throw badUserInput(`asOf "${asOf}" is not a date (YYYY-MM-DD)`);
  const found = await ctx.loaders.riskAsOf.load(`${r.id}|${asOf}`);
  const { score, level, factors } = found!.risk;
  return { score, level, factors, status: statusAt(r, asOf) };
}
