import { divRound } from '@rg/kit';

/** Why a contract's ARR changed. EXPIRY is the contract running out at its renewal date. */
export type ArrCause = 'ACTIVATION' | 'AMENDMENT' | 'CANCELLATION' | 'EXPIRY';

export interface ArrChange {
  customerId: string;
  contractId: string;
  date: string;
  deltaMinor: bigint;
  cause: ArrCause;
}

export type MovementKind = 'NEW' | 'EXPANSION' | 'CONTRACTION' | 'CHURN';

/**
 * A customer's net ARR change on one day. Changes on the same day are netted first, so a
 * contract renewed into a new one on its renewal date is no churn, only its difference counts.
 */
export interface ArrMovement {
  date: string;
  customerId: string;
  kind: MovementKind;
  amountMinor: bigint; // signed
  customerArrBeforeMinor: bigint;
  customerArrAfterMinor: bigint;
  /** Whether the customer had ARR when the window began (only those count in NRR and GRR). */
  inCohort: boolean;
  changes: ArrChange[];
}

export interface RetentionReport {
  from: string;
  to: string;
  cohortCustomers: number;
  startingArrMinor: bigint;
  expansionMinor: bigint;
  contractionMinor: bigint;
  churnMinor: bigint;
  endingArrMinor: bigint;
  /** Net ARR of customers that had none when the window began. */
  newArrMinor: bigint;
  /** Percent in hundredths (10500 = 105.00%); null without starting ARR. */
  netRetentionHundredths: bigint | null;
  grossRetentionHundredths: bigint | null;
  movements: ArrMovement[];
}

/** Each customer's ARR before the window: the sum of their changes dated before `from`. */
export function openingArr(changes: readonly ArrChange[], from: string): Map<string, bigint> {
  const arr = new Map<string, bigint>();
  for (const ch of changes) if (ch.date < from) arr.set(ch.customerId, (arr.get(ch.customerId) ?? 0n) + ch.deltaMinor);
  return arr;
}

/**
 * Net and gross revenue retention over [from, to] (both inclusive): the cohort is every customer
 * with ARR at the start of `from`; NRR = (start + expansion − contraction − churn) / start,
 * GRR = (start − contraction − churn) / start, each rounded half-up to a hundredth of a percent.
 * `opening` is each customer's ARR before the window; changes outside [from, to] are ignored.
 */
export function revenueRetention(
  opening: ReadonlyMap<string, bigint>,
  changes: readonly ArrChange[],
  from: string,
  to: string,
): RetentionReport {
  const arr = new Map(opening);
  const cohort = new Set([...arr].filter(([, v]) => v > 0n).map(([c]) => c));
  const startingArrMinor = [...cohort].reduce((s, c) => s + arr.get(c)!, 0n);

  const days = new Map<string, ArrChange[]>();
  for (const ch of changes) {
    if (ch.date < from || ch.date > to) continue;
    const key = `${ch.date}|${ch.customerId}`;
    days.set(key, [...(days.get(key) ?? []), ch]);
  }
  const movements: ArrMovement[] = [];
  const totals = { expansion: 0n, contraction: 0n, churn: 0n };
  for (const key of [...days.keys()].sort()) {
    const group = days.get(key)!;
    const [date, customerId] = key.split('|');
    const net = group.reduce((s, ch) => s + ch.deltaMinor, 0n);
    if (net === 0n) continue;
    const before = arr.get(customerId) ?? 0n;
    const after = before + net;
    arr.set(customerId, after);
    const inCohort = cohort.has(customerId);
    const kind: MovementKind =
      !inCohort && before <= 0n && net > 0n ? 'NEW' : net > 0n ? 'EXPANSION' : after <= 0n ? 'CHURN' : 'CONTRACTION';
    movements.push({ date, customerId, kind, amountMinor: net, customerArrBeforeMinor: before, customerArrAfterMinor: after, inCohort, changes: group });
    if (!inCohort) continue;
    if (kind === 'EXPANSION') totals.expansion += net;
    else if (kind === 'CONTRACTION') totals.contraction -= net;
    else if (kind === 'CHURN') totals.churn -= net;
  }
  const endingArrMinor = startingArrMinor + totals.expansion - totals.contraction - totals.churn;
  const newArrMinor = [...arr].filter(([c]) => !cohort.has(c)).reduce((s, [, v]) => s + v, 0n);
  const percent = (part: bigint) => (startingArrMinor > 0n ? divRound(part * 10_000n, startingArrMinor) : null);
  return {
    from,
    to,
    cohortCustomers: cohort.size,
    startingArrMinor,
    expansionMinor: totals.expansion,
    contractionMinor: totals.contraction,
    churnMinor: totals.churn,
    endingArrMinor,
    newArrMinor,
    netRetentionHundredths: percent(endingArrMinor),
    grossRetentionHundredths: percent(startingArrMinor - totals.contraction - totals.churn),
    movements,
  };
}
