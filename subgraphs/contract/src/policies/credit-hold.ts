import { allow, deny, type Decision } from '@rg/kit';

/** A customer on credit hold takes no new orders. */
export function creditHoldPolicy(customer: { id: string; creditHold: boolean }): Decision {
  if (customer.creditHold) {
    return deny('CREDIT_HOLD', `Customer ${customer.id} is on credit hold and cannot accept quotes`, ['quoteId']);
  }
  return allow();
}
