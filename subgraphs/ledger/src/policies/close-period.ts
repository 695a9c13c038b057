import { allow, deny, type Decision } from '@rg/kit';

export interface CloseState {
  period: string;
  closed: boolean;
  recognitionRan: boolean;
  /** The period before: closed, open with entries, or never used. */
  previous: 'CLOSED' | 'OPEN' | 'UNUSED';
  /** Dead letters of the ledger consumer still open for events dated in the period. */
  openDeadLetters: number;
}

/** A period closes once its recognition ran, in order, with no event of it left unbooked. */
export function closePeriodPolicy(s: CloseState): Decision {
  if (s.closed) return deny('PERIOD_ALREADY_CLOSED', `Period ${s.period} is already closed`, ['period']);
  if (!s.recognitionRan) {
    return deny('RECOGNITION_NOT_RUN', `Revenue recognition has not run for ${s.period}`, ['period']);
  }
  if (s.previous === 'OPEN') return deny('PREVIOUS_PERIOD_OPEN', `The period before ${s.period} is still open`, ['period']);
  if (s.openDeadLetters > 0) {
    return deny(
      'OPEN_DEAD_LETTERS',
      `${s.openDeadLetters} event(s) dated in ${s.period} failed to post and are still open in the dead letters`,
      ['period'],
    );
  }
  return allow();
}
