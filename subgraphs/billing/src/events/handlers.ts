import {
  versioned,
  type ContractActivatedV1,
  type ContractAmendedV1,
  type ContractCancelledV1,
  type CustomerCreatedV1,
  type CustomerUpdatedV1,
  type EventHandlers,
} from '@rg/kit';
import { changeTaxRegion, upsertAccount } from '../store/account-store';
import { saveActivatedTerms, saveAmendment, saveCancellation } from '../store/subscription-store';

/**
 * Billing learns customers and contract terms from events and keeps its own copy to bill from.
 * Each handler is idempotent by business key (customer id, contract id, amendment id and product).
 */
export const handlers: EventHandlers = {
  CustomerCreated: versioned<CustomerCreatedV1>(1, (p, _e, tx) =>
    upsertAccount(
      tx.manager,
      { id: p.customerId, currency: p.currency, taxRegion: p.taxRegion, legalEntityCode: p.legalEntityCode, partnerId: p.partnerId },
      'customer',
    ),
  ),
  CustomerUpdated: versioned<CustomerUpdatedV1>(1, (p, _e, tx) => changeTaxRegion(tx.manager, p.customerId, p.taxRegion)),
  ContractActivated: versioned<ContractActivatedV1>(1, async (p, _e, tx) => {
    // The terms carry the customer's billing facts too, so billing never depends on event order here.
    await upsertAccount(
      tx.manager,
      { id: p.customerId, currency: p.currency, taxRegion: p.taxRegion, legalEntityCode: p.legalEntityCode, partnerId: p.partnerId },
      'contract',
    );
    await saveActivatedTerms(tx.manager, p);
  }),
  ContractAmended: versioned<ContractAmendedV1>(1, (p, _e, tx) => saveAmendment(tx.manager, p)),
  ContractCancelled: versioned<ContractCancelledV1>(1, (p, _e, tx) => saveCancellation(tx.manager, p)),
};
