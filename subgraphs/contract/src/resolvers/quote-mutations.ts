import { DomainError, mutate, newId, type Tx } from '@rg/kit';
import type { MutationResolvers } from '../generated/resolvers';
import type { Context } from '../context';
import { priceQuote } from '../domain/quote-pricing';
import { failure } from '../domain/problem';
import { decisionProblem, submission } from '../domain/quote-lifecycle';
import { discountApprovalPolicy } from '../policies/discount-approval';
import { partnerScopePolicy } from '../policies/partner-scope';
import { approverAuthorityPolicy } from '../policies/approver-authority';
import { approverNotSubmitterPolicy } from '../policies/approver-not-submitter';
import type { ApprovalLevel } from '../policies/approval-rules';
import { loadCatalog } from '../store/catalog-store';
import { lockKnownCustomer } from '../store/customer-store';
import { insertQuote, lockQuote, quoteSnapshot } from '../store/quote-store';

const quotePayload = (ctx: Context) => async (id: string) => {
  ctx.loaders.quoteById.clear(id);
  return { quote: await ctx.loaders.quoteById.load(id) };
};

/** The quote a transition acts on, locked, within the caller's partner scope. */
export async function quoteForTransition(tx: Tx, quoteId: string) {
  const quote = await lockQuote(tx.manager, quoteId);
  if (!quote) throw new DomainError('QUOTE_NOT_FOUND', `Quote ${quoteId} was not found`, ['quoteId']);
  tx.enforce('partner_scope', partnerScopePolicy({ id: quote.customerId, partnerId: quote.partnerId }, tx.actor, ['quoteId']), {
    type: 'Quote',
    id: quote.id,
  });
  return quote;
}

export const quoteMutations: Pick<MutationResolvers, 'createQuote' | 'submitQuote' | 'approveQuote' | 'rejectQuote'> = {
  createQuote: (_, { input }, ctx) =>
    mutate(
      ctx,
      { action: 'createQuote', entityType: 'Quote' },
      async (tx) => {
        const customer = await lockKnownCustomer(tx.manager, input.customerId);
        if (!customer) {
          throw new DomainError('CUSTOMER_NOT_FOUND', `Customer ${input.customerId} was not found`, ['input', 'customerId']);
        }
        tx.enforce('partner_scope', partnerScopePolicy(customer, tx.actor, ['input', 'customerId']), {
          type: 'Customer',
          id: customer.id,
        });
        const pricing = priceQuote(input, await loadCatalog(tx.manager), customer.currency);
        if (!pricing.ok) throw failure(pricing.problems[0]);
        const id = newId('Quote');
        tx.setSubject('Quote', id);
        const decision = tx.enforce('discount_approval', discountApprovalPolicy(pricing.lines.map((l) => l.discountHundredths)), {
          type: 'Quote',
          id,
        });
        const requiredApproval = (decision.kind === 'requireApproval' ? decision.level : 'NONE') as ApprovalLevel;
        const quote = await insertQuote(tx.manager, { ...input, id, customer, requiredApproval, createdBy: tx.actor.sub, lines: pricing.lines });
        tx.audit({
          action: 'createQuote',
          entityType: 'Quote',
          entityId: quote.id,
          decision: 'ALLOWED',
          after: { ...quoteSnapshot(quote), customerId: customer.id, lines: input.lines },
        });
        return quote.id;
      },
      quotePayload(ctx),
    ),

  submitQuote: (_, { quoteId }, ctx) =>
    mutate(
      ctx,
      { action: 'submitQuote', entityType: 'Quote', entityId: quoteId },
      async (tx) => {
        const quote = await quoteForTransition(tx, quoteId);
        const before = quoteSnapshot(quote);
        const step = submission(quote);
        if (!step.ok) throw failure(step.problem);
        quote.status = step.next;
        quote.submittedBy = tx.actor.sub;
        quote.submittedAt = new Date();
        await tx.manager.save(quote);
        tx.audit({ action: 'submitQuote', entityType: 'Quote', entityId: quote.id, decision: 'ALLOWED', before, after: quoteSnapshot(quote) });
        return quote.id;
      },
      quotePayload(ctx),
    ),

  approveQuote: (_, { quoteId, comment }, ctx) =>
    mutate(
      ctx,
      { action: 'approveQuote', entityType: 'Quote', entityId: quoteId },
      (tx) => decide(tx, quoteId, 'APPROVED', comment?.trim() || null),
      quotePayload(ctx),
    ),

  rejectQuote: (_, { quoteId, reason }, ctx) =>
    mutate(
      ctx,
      { action: 'rejectQuote', entityType: 'Quote', entityId: quoteId },
      (tx) => {
        if (!reason.trim()) throw new DomainError('REASON_REQUIRED', 'A reason is required to reject a quote', ['reason']);
        return decide(tx, quoteId, 'REJECTED', reason.trim());
      },
      quotePayload(ctx),
    ),
};

/**
 * Approves or rejects a pending quote. Only holders of its approval level decide; approving
 * also needs someone other than the submitter (rejecting your own quote withdraws it).
 */
async function decide(tx: Tx, quoteId: string, outcome: 'APPROVED' | 'REJECTED', comment: string | null): Promise<string> {
  const quote = await quoteForTransition(tx, quoteId);
  const before = quoteSnapshot(quote);
  const undecidable = decisionProblem(quote);
  if (undecidable) throw failure(undecidable);
  const entity = { type: 'Quote', id: quote.id };
  if (outcome === 'APPROVED') tx.enforce('approver_not_submitter', approverNotSubmitterPolicy(quote, tx.actor), entity);
  tx.enforce('approver_authority', approverAuthorityPolicy(quote, tx.actor), entity);
  quote.status = outcome;
  quote.decidedBy = tx.actor.sub;
  quote.decidedAt = new Date();
  quote.decisionComment = comment;
  await tx.manager.save(quote);
  tx.audit({
    action: outcome === 'APPROVED' ? 'approveQuote' : 'rejectQuote',
    entityType: 'Quote',
    entityId: quote.id,
    decision: 'ALLOWED',
    reason: comment,
    before,
    after: quoteSnapshot(quote),
  });
  return quote.id;
}
