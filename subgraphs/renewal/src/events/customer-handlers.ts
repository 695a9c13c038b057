import { versioned, type CreditHoldChangedV1, type EventHandlers } from '@rg/kit';
import { openRenewalsOf } from '../store/renewal-store';
import { recordCreditHold } from '../store/signal-store';
import { reassess } from './reassess';

export const customerHandlers: EventHandlers = {
  // Older events carry no business date: their hold takes effect on the day it was set.
  CreditHoldChanged: versioned<CreditHoldChangedV1>(1, async (p, event, tx) => {
    const changedOn = p.effectiveOn ?? event.occurredAt.slice(0, 10);
    await recordCreditHold(tx.manager, { eventId: event.id, customerId: p.customerId, changedOn, hold: p.creditHold, reason: p.reason });
    await reassess(tx.manager, await openRenewalsOf(tx.manager, [p.customerId]), changedOn, { type: event.type, eventId: event.id });
  }),
};
