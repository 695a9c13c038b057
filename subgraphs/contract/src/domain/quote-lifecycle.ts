import type { ApprovalLevel } from '../policies/approval-rules';
import { problem, type Problem } from './problem';

export type QuoteStatus = 'DRAFT' | 'PENDING_APPROVAL' | 'APPROVED' | 'REJECTED' | 'ACCEPTED';

interface QuoteState {
  status: QuoteStatus;
  requiredApproval: ApprovalLevel;
}

const field = ['quoteId'];

/** Submitting asks for approval; a quote that needs none is approved on submission. */
export function submission(quote: QuoteState): { ok: true; next: QuoteStatus } | { ok: false; problem: Problem } {
  if (quote.status !== 'DRAFT') {
    return { ok: false, problem: problem('QUOTE_NOT_DRAFT', `Only a DRAFT quote can be submitted (it is ${quote.status})`, field) };
  }
  return { ok: true, next: quote.requiredApproval === 'NONE' ? 'APPROVED' : 'PENDING_APPROVAL' };
}

/** Approving or rejecting needs a quote waiting for a decision. */
export function decisionProblem(quote: QuoteState): Problem | null {
  if (quote.status === 'PENDING_APPROVAL') return null;
  return problem('QUOTE_NOT_PENDING', `Only a quote pending approval can be decided (it is ${quote.status})`, field);
}

/** A quote becomes a contract once approved, or at once when its discounts need no approval. */
export function acceptanceProblem(quote: QuoteState): Problem | null {
  if (quote.status === 'ACCEPTED') return problem('QUOTE_ALREADY_ACCEPTED', 'The quote was already accepted', field);
  if (quote.status === 'REJECTED') return problem('QUOTE_REJECTED', 'A rejected quote cannot be accepted', field);
  if (quote.status === 'APPROVED') return null;
  if (quote.requiredApproval === 'NONE') return null;
  return problem(
    'QUOTE_NOT_APPROVED',
    `The quote needs ${quote.requiredApproval} approval before it can be accepted (it is ${quote.status})`,
    field,
  );
}
