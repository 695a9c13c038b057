import { allow, deny, type Decision } from '@rg/kit';

/** Reopening needs a reason and keeps closed periods contiguous: the latest closed one reopens first. */
export function reopenPeriodPolicy(s: { period: string; closed: boolean; laterClosed: boolean; reason: string }): Decision {
  if (!s.reason.trim()) return deny('REASON_REQUIRED', 'Reopening a period needs a reason', ['reason']);
  if (!s.closed) return deny('PERIOD_NOT_CLOSED', `Period ${s.period} is not closed`, ['period']);
  if (s.laterClosed) return deny('LATER_PERIOD_CLOSED', `A period after ${s.period} is closed; reopen it first`, ['period']);
  return allow();
}
