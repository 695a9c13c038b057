import { periodEnd } from '@rg/kit';
import { earnedBy, type Obligation } from './obligations';
import type { Component } from './journal';

export interface ObligationState {
  id: string;
  obligation: Obligation;
  /** Revenue already booked for it by earlier runs. */
  posted: bigint;
}

export interface RecognitionDelta {
  obligationId: string;
  currency: string;
  revenueKind: Obligation['revenueKind'];
  amount: bigint;
  earnedToDate: bigint;
}

/**
 * What a recognition run for `period` books: per obligation, what its schedule has earned by the
 * period's last day less what earlier runs booked. A rerun books only what changed since.
 */
export function recognitionDeltas(states: readonly ObligationState[], period: string): RecognitionDelta[] {
  const asOf = periodEnd(period);
  const out: RecognitionDelta[] = [];
  for (const s of states) {
    const earned = earnedBy(s.obligation, asOf);
    const amount = earned - s.posted;
    if (amount !== 0n) {
      out.push({ obligationId: s.id, currency: s.obligation.currency, revenueKind: s.obligation.revenueKind, amount, earnedToDate: earned });
    }
  }
  return out;
}

export const recognitionComponents = (deltas: readonly RecognitionDelta[], memoOf: (d: RecognitionDelta) => string): Component[] =>
  deltas.map((d) => ({ component: d.revenueKind, amount: d.amount, obligationId: d.obligationId, memo: memoOf(d) }));
