import { addDays, daysBetween, divRound, type BusinessDate } from '@rg/kit';

/**
 * One stretch of a ratable schedule: `amount` is earned evenly by day over [start, end], on top
 * of `prior`, what the stretches before it had earned. A prospective modification closes the
 * current stretch and opens a new one, so revenue already recognised is never restated.
 */
export interface Segment {
  start: BusinessDate;
  end: BusinessDate;
  amount: bigint;
  prior: bigint;
}

const daysIn = (start: BusinessDate, end: BusinessDate) => daysBetween(start, end) + 1;

/**
 * Cumulative revenue earned by the end of `asOf`: round(amount × elapsedDays / totalDays) over the
 * stretch that contains it. A period's amount is the difference of two such figures, so the
 * periods add up to the stretch exactly.
 */
export function recognisedToDate(segments: readonly Segment[], asOf: BusinessDate): bigint {
  let current: Segment | undefined;
  for (const s of segments) if (s.start <= asOf) current = s;
  if (!current) return 0n;
  const total = daysIn(current.start, current.end);
  const elapsed = Math.min(total, daysIn(current.start, asOf));
  return current.prior + divRound(current.amount * BigInt(elapsed), BigInt(total));
}

export const scheduleTotal = (segments: readonly Segment[]): bigint => {
  const last = segments[segments.length - 1];
  return last ? last.prior + last.amount : 0n;
};

export const ratableSchedule = (allocated: bigint, start: BusinessDate, end: BusinessDate): Segment[] => [
  { start, end, amount: allocated, prior: 0n },
];

/**
 * Re-spreads a schedule from `from` on: what was earned before `from` stays, the new total
 * less that is earned evenly from `from` to `end`. When `from` falls after `end` (a cancellation
 * whose last service day has come), the rest is earned on the last day. The new total never
 * drops below what was already earned.
 */
export function respread(
  segments: readonly Segment[],
  from: BusinessDate,
  newTotal: bigint,
  end: BusinessDate,
): Segment[] {
  const start = from <= end ? from : end;
  const prior = recognisedToDate(segments, addDays(start, -1));
  const kept = segments.filter((s) => s.start < start);
  const total = newTotal > prior ? newTotal : prior;
  return [...kept, { start, end, amount: total - prior, prior }];
}
