import { allow, deny, type Actor, type Decision } from '@rg/kit';

/** Four eyes: whoever submitted a quote never approves it, whatever roles they hold. */
export function approverNotSubmitterPolicy(quote: { submittedBy: string | null }, actor: Actor): Decision {
  if (quote.submittedBy && quote.submittedBy === actor.sub) {
    return deny('APPROVER_IS_SUBMITTER', 'You submitted this quote, so someone else must approve it', ['quoteId']);
  }
  return allow();
}
