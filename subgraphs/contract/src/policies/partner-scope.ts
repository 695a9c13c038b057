import { allow, deny, isPartnerScoped, type Actor, type Decision } from '@rg/kit';

/** A partner acts only for the customers it owns; internal roles act for any customer. */
export function partnerScopePolicy(customer: { id: string; partnerId: string | null }, actor: Actor, field: string[]): Decision {
  if (!isPartnerScoped(actor)) return allow();
  if (customer.partnerId && customer.partnerId === actor.partnerId) return allow();
  return deny('PARTNER_SCOPE', `Customer ${customer.id} is not owned by your partner account`, field);
}
