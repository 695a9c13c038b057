import { versioned, type CreditHoldChangedV1, type CustomerCreatedV1, type CustomerUpdatedV1, type EventHandlers } from '@rg/kit';
import { rememberCustomer, updateCreditHold, updateCustomerFacts } from '../store/customer-store';

/** This subgraph's copy of customers: what quoting needs (currency, tax, entity, partner, hold). */
export const customerHandlers: EventHandlers = {
  CustomerCreated: versioned<CustomerCreatedV1>(1, async (c, _event, tx) => {
    await rememberCustomer(tx.manager, c);
  }),
  CustomerUpdated: versioned<CustomerUpdatedV1>(1, async (c, _event, tx) => {
    if (!(await updateCustomerFacts(tx.manager, c))) throw new Error(`CustomerUpdated for unknown customer ${c.customerId}`);
  }),
  CreditHoldChanged: versioned<CreditHoldChangedV1>(1, async (c, _event, tx) => {
    // The log orders a customer's events, so its creation is always applied first; a miss is a
    // real inconsistency and goes through retries to the dead letters.
    if (!(await updateCreditHold(tx.manager, c.customerId, c.creditHold))) {
      throw new Error(`CreditHoldChanged for unknown customer ${c.customerId}`);
    }
    tx.audit({
      action: 'applyCreditHold',
      entityType: 'Customer',
      entityId: c.customerId,
      decision: 'ALLOWED',
      reason: c.reason,
      after: { creditHold: c.creditHold },
    });
  }),
};
