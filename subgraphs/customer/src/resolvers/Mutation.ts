import { DomainError, isValidDate, mutate, today, type CreditHoldChangedV1, type CustomerCreatedV1, type CustomerUpdatedV1 } from '@rg/kit';
import type { MutationResolvers } from '../generated/resolvers';
import { partnerOwnershipPolicy, validateCustomerChange, validateNewCustomer } from '../domain/customer-rules';
import { depthOf, descendantsOf, insertCustomer, lockCustomer, referenceSets } from '../store/customer-store';

export const Mutation: MutationResolvers = {
  createCustomer: (_, { input }, ctx) =>
    mutate(
      ctx,
      { action: 'createCustomer', entityType: 'Customer' },
      async (tx) => {
        const actor = tx.actor;
        tx.enforce('partner_ownership', partnerOwnershipPolicy(input, actor), { type: 'Customer', id: 'new' });
        const partnerId = actor.roles.includes('partner') && !input.partnerId ? actor.partnerId : input.partnerId;
        const refs = await referenceSets(tx.manager);
        const parentDepth = input.parentId ? await depthOf(tx.manager, input.parentId) : null;
        const [problem] = validateNewCustomer(input, { ...refs, parentDepth });
        if (problem) throw new DomainError(problem.code, problem.message, problem.field);
        const row = await insertCustomer(tx.manager, { ...input, partnerId });
        tx.setSubject('Customer', row.id);
        tx.audit({ action: 'createCustomer', entityType: 'Customer', entityId: row.id, decision: 'ALLOWED', after: row });
        tx.emit({
          type: 'CustomerCreated',
          aggregateType: 'Customer',
          aggregateId: row.id,
          payload: {
            customerId: row.id,
            name: row.name,
            currency: row.currency,
            taxRegion: row.taxRegion,
            legalEntityCode: row.legalEntityCode,
            parentId: row.parentId,
            partnerId: row.partnerId,
          } satisfies CustomerCreatedV1,
        });
        return row.id;
      },
      async (id) => ({ customer: await ctx.loaders.customerById.load(id) }),
    ),

  setCreditHold: (_, { customerId, hold, reason, effectiveOn }, ctx) =>
    mutate(
      ctx,
      { action: 'setCreditHold', entityType: 'Customer', entityId: customerId },
      async (tx) => {
        if (!reason.trim()) throw new DomainError('REASON_REQUIRED', 'A reason is required', ['reason']);
        if (effectiveOn && !isValidDate(effectiveOn)) {
          throw new DomainError('INVALID_DATE', `"${effectiveOn}" is not a valid date`, ['effectiveOn']);
        }
        const row = await lockCustomer(tx.manager, customerId, tx.actor);
        if (!row) throw new DomainError('CUSTOMER_NOT_FOUND', `Customer ${customerId} was not found`, ['customerId']);
        const before = { creditHold: row.creditHold, reason: row.creditHoldReason };
        if (row.creditHold !== hold) {
          row.creditHold = hold;
          row.creditHoldReason = hold ? reason.trim() : null;
          await tx.manager.save(row);
          tx.emit({
            type: 'CreditHoldChanged',
            aggregateType: 'Customer',
            aggregateId: row.id,
            payload: { customerId: row.id, creditHold: hold, reason: reason.trim(), effectiveOn: effectiveOn ?? today() } satisfies CreditHoldChangedV1,
          });
        }
        tx.audit({
          action: 'setCreditHold',
          entityType: 'Customer',
          entityId: row.id,
          decision: 'ALLOWED',
          reason: reason.trim(),
          before,
          after: { creditHold: hold, reason: row.creditHoldReason },
        });
        return row.id;
      },
      async (id) => {
        ctx.loaders.customerById.clear(id);
        return { customer: await ctx.loaders.customerById.load(id) };
      },
    ),

  updateCustomer: (_, { customerId, input }, ctx) =>
    mutate(
      ctx,
      { action: 'updateCustomer', entityType: 'Customer', entityId: customerId },
      async (tx) => {
        const row = await lockCustomer(tx.manager, customerId, tx.actor);
        if (!row) throw new DomainError('CUSTOMER_NOT_FOUND', `Customer ${customerId} was not found`, ['customerId']);
        // Re-parenting moves whole subtrees: serialize it so two moves cannot build a cycle together.
        if (input.parentId !== undefined) await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('customer-hierarchy'))`);
        const descendants = await descendantsOf(tx.manager, row.id);
        const parent = input.parentId ? await lockCustomer(tx.manager, input.parentId, tx.actor) : null;
        const [problem] = validateCustomerChange(row.id, input, {
          taxRegions: (await referenceSets(tx.manager)).taxRegions,
          parentDepth: parent ? await depthOf(tx.manager, parent.id) : null,
          subtreeHeight: Math.max(0, ...descendants.values()),
          descendants: new Set(descendants.keys()),
        });
        if (problem) throw new DomainError(problem.code, problem.message, problem.field);
        const before = { name: row.name, taxRegion: row.taxRegion, parentId: row.parentId };
        const after = {
          name: input.name?.trim() ?? row.name,
          taxRegion: input.taxRegion ?? row.taxRegion,
          parentId: input.parentId === undefined ? row.parentId : input.parentId,
        };
        const changed = (Object.keys(after) as Array<keyof typeof after>).filter((k) => after[k] !== before[k]);
        if (changed.length > 0) {
          Object.assign(row, after);
          await tx.manager.save(row);
          tx.emit({
            type: 'CustomerUpdated',
            aggregateType: 'Customer',
            aggregateId: row.id,
            payload: { customerId: row.id, ...after, changed } satisfies CustomerUpdatedV1,
          });
        }
        tx.audit({ action: 'updateCustomer', entityType: 'Customer', entityId: row.id, decision: 'ALLOWED', before, after });
        return row.id;
      },
      async (id) => {
        ctx.loaders.customerById.clear(id);
        return { customer: await ctx.loaders.customerById.load(id) };
      },
    ),
};
