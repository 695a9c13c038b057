import { DomainError, mutate, type Tx } from '@rg/kit';
import type { MutationResolvers } from '../generated/resolvers';
import type { Context } from '../context';
import { effectiveDateProblems, planAmendment, type ContractState } from '../domain/amendment-plan';
import { toContractTerms, type TermLine } from '../domain/contract-terms';
import { onboardingDelivery } from '../domain/onboarding';
import { failure } from '../domain/problem';
import { acceptanceProblem } from '../domain/quote-lifecycle';
import { contractEndDate } from '../domain/term';
import { contractActivated, contractAmended, contractCancelled, onboardingCompleted } from '../events/published';
import { creditHoldPolicy } from '../policies/credit-hold';
import { loadCatalog } from '../store/catalog-store';
import {
  headerOf,
  insertContract,
  latestAmendmentDate,
  lockContract,
  recordAmendment,
  termLinesOf,
} from '../store/contract-store';
import { lockKnownCustomer } from '../store/customer-store';
import type { ContractRow } from '../store/entities';
import { linesOfQuote, quoteSnapshot } from '../store/quote-store';
import { quoteForTransition } from './quote-mutations';
import { currentView } from './views';

interface ContractOutcome {
  contractId: string;
  amendmentId: string | null;
}

const contractPayload = (ctx: Context) => async ({ contractId, amendmentId }: ContractOutcome) => {
  ctx.loaders.contractById.clear(contractId);
  const row = await ctx.loaders.contractById.load(contractId);
  return {
    contract: row ? currentView(row) : null,
    amendment: amendmentId ? await ctx.loaders.amendmentById.load(amendmentId) : null,
  };
};

async function contractForChange(tx: Tx, contractId: string, field: string[]): Promise<ContractRow> {
  const row = await lockContract(tx.manager, contractId);
  if (!row) throw new DomainError('CONTRACT_NOT_FOUND', `Contract ${contractId} was not found`, field);
  return row;
}

const contractState = async (tx: Tx, c: ContractRow): Promise<ContractState> => ({
  currency: c.currency,
  startDate: c.startDate,
  endDate: c.endDate,
  status: c.status,
  latestEffectiveDate: await latestAmendmentDate(tx.manager, c.id),
});

const contractSnapshot = (c: ContractRow, lines: TermLine[]) => ({
  status: c.status,
  version: c.version,
  cancelledFrom: c.cancelledFrom,
  lines: lines.map((l) => ({ productCode: l.productCode, quantity: l.quantity, netUnitPriceMicros: l.netMicros.toString() })),
});

export const contractMutations: Pick<
  MutationResolvers,
  'acceptQuote' | 'amendContract' | 'cancelContract' | 'completeOnboarding'
> = {
  acceptQuote: (_, { quoteId }, ctx) =>
    mutate(
      ctx,
      { action: 'acceptQuote', entityType: 'Quote', entityId: quoteId },
      async (tx): Promise<ContractOutcome> => {
        const quote = await quoteForTransition(tx, quoteId);
        const before = quoteSnapshot(quote);
        const notAcceptable = acceptanceProblem(quote);
        if (notAcceptable) throw failure(notAcceptable);
        const customer = (await lockKnownCustomer(tx.manager, quote.customerId))!;
        tx.enforce('credit_hold', creditHoldPolicy(customer), { type: 'Customer', id: customer.id });

        const catalog = await loadCatalog(tx.manager);
        const lines: TermLine[] = (await linesOfQuote(tx.manager, quote.id)).map((l) => {
          const product = catalog.get(l.productCode)!;
          return {
            productCode: product.code,
            productName: product.name,
            chargeModel: product.chargeModel,
            includedUnits: product.includedUnits,
            quantity: l.quantity,
            discountHundredths: BigInt(l.discountHundredths),
            listMicros: BigInt(l.listMicros),
            netMicros: BigInt(l.netMicros),
            sspMicros: BigInt(l.sspMicros),
          };
        });
        const header = {
          customerId: customer.id,
          partnerId: customer.partnerId,
          legalEntityCode: customer.legalEntityCode,
          taxRegion: customer.taxRegion,
          currency: quote.currency,
          startDate: quote.startDate,
          endDate: contractEndDate(quote.startDate, quote.termMonths),
          termMonths: quote.termMonths,
          billingFrequency: quote.billingFrequency,
        };
        const contract = await insertContract(tx.manager, header, quote.id, lines);
        quote.status = 'ACCEPTED';
        quote.contractId = contract.id;
        await tx.manager.save(quote);

        tx.setSubject('Contract', contract.id);
        tx.audit({ action: 'acceptQuote', entityType: 'Quote', entityId: quote.id, decision: 'ALLOWED', before, after: quoteSnapshot(quote) });
        tx.audit({
          action: 'activateContract',
          entityType: 'Contract',
          entityId: contract.id,
          decision: 'ALLOWED',
          after: { number: contract.number, ...header, ...contractSnapshot(contract, lines) },
        });
        tx.emit(contractActivated(toContractTerms(headerOf(contract), 1, lines), quote.id, contract.createdAt));
        return { contractId: contract.id, amendmentId: null };
      },
      contractPayload(ctx),
    ),

  amendContract: (_, { input, idempotencyKey }, ctx) =>
    mutate(
      ctx,
      {
        action: 'amendContract',
        entityType: 'Contract',
        entityId: input.contractId,
        idempotency: idempotencyKey ? { key: idempotencyKey, input } : null,
      },
      async (tx): Promise<ContractOutcome> => {
        const contract = await contractForChange(tx, input.contractId, ['input', 'contractId']);
        const lines = await termLinesOf(tx.manager, contract.id, contract.version);
        const planned = planAmendment(await contractState(tx, contract), lines, input, await loadCatalog(tx.manager));
        if (!planned.ok) throw failure(planned.problems[0]);
        const { plan } = planned;
        const before = contractSnapshot(contract, lines);
        const amendment = await recordAmendment(
          tx.manager,
          contract,
          { kind: plan.kind, effectiveDate: input.effectiveDate, changes: plan.changes, reason: null, createdBy: tx.actor.sub },
          plan.lines,
        );

        tx.audit({
          action: 'amendContract',
          entityType: 'Contract',
          entityId: contract.id,
          decision: 'ALLOWED',
          reason: `${plan.kind} from ${input.effectiveDate}`,
          before,
          after: { ...contractSnapshot(contract, plan.lines), amendmentId: amendment.id, changes: plan.changes },
        });
        const header = headerOf(contract);
        const version = contract.version;
        tx.emit(
          contractAmended({
            amendmentId: amendment.id,
            kind: plan.kind,
            effectiveDate: input.effectiveDate,
            changes: plan.changes,
            before: toContractTerms(header, version - 1, lines),
            after: toContractTerms(header, version, plan.lines),
          }),
        );
        return { contractId: contract.id, amendmentId: amendment.id };
      },
      contractPayload(ctx),
    ),

  cancelContract: (_, { contractId, effectiveDate, reason }, ctx) =>
    mutate(
      ctx,
      { action: 'cancelContract', entityType: 'Contract', entityId: contractId },
      async (tx): Promise<ContractOutcome> => {
        if (!reason.trim()) throw new DomainError('REASON_REQUIRED', 'A reason is required to cancel a contract', ['reason']);
        const contract = await contractForChange(tx, contractId, ['contractId']);
        const [dateProblem] = effectiveDateProblems(await contractState(tx, contract), effectiveDate, ['effectiveDate']);
        if (dateProblem) throw failure(dateProblem);
        const lines = await termLinesOf(tx.manager, contract.id, contract.version);
        const before = contractSnapshot(contract, lines);
        const changes = lines.map((l) => ({ productCode: l.productCode, quantityBefore: l.quantity, quantityAfter: 0 }));
        // The cancelled version keeps the lines that were served until the effective date.
        const amendment = await recordAmendment(
          tx.manager,
          contract,
          { kind: 'CANCELLATION', effectiveDate, changes, reason: reason.trim(), createdBy: tx.actor.sub },
          lines,
        );

        tx.audit({
          action: 'cancelContract',
          entityType: 'Contract',
          entityId: contract.id,
          decision: 'ALLOWED',
          reason: reason.trim(),
          before,
          after: { ...contractSnapshot(contract, lines), amendmentId: amendment.id },
        });
        tx.emit(
          contractCancelled({
            amendmentId: amendment.id,
            effectiveDate,
            version: contract.version,
            reason: reason.trim(),
            before: toContractTerms(headerOf(contract), contract.version - 1, lines),
          }),
        );
        return { contractId: contract.id, amendmentId: amendment.id };
      },
      contractPayload(ctx),
    ),

  completeOnboarding: (_, { contractId, completedOn }, ctx) =>
    mutate(
      ctx,
      { action: 'completeOnboarding', entityType: 'Contract', entityId: contractId },
      async (tx): Promise<ContractOutcome> => {
        const contract = await contractForChange(tx, contractId, ['contractId']);
        const lines = await termLinesOf(tx.manager, contract.id, contract.version);
        const delivery = onboardingDelivery(contract, lines, completedOn);
        if (!delivery.ok) throw failure(delivery.problem);
        contract.onboardingCompletedOn = completedOn;
        await tx.manager.save(contract);
        tx.audit({
          action: 'completeOnboarding',
          entityType: 'Contract',
          entityId: contract.id,
          decision: 'ALLOWED',
          before: { onboardingCompletedOn: null },
          after: { onboardingCompletedOn: completedOn, productCodes: delivery.productCodes },
        });
        tx.emit(
          onboardingCompleted({
            contractId: contract.id,
            customerId: contract.customerId,
            legalEntityCode: contract.legalEntityCode,
            currency: contract.currency,
            completedOn,
            productCodes: delivery.productCodes,
          }),
        );
        return { contractId: contract.id, amendmentId: null };
      },
      contractPayload(ctx),
    ),
};
