export const ROLES = [
  'admin',
  'sales_rep',
  'sales_manager',
  'finance',
  'controller',
  'billing_ops',
  'cs_manager',
  'auditor',
  'partner',
] as const;
export type Role = (typeof ROLES)[number];

/** The verified caller, as the gateway forwards it. */
export interface Actor {
  sub: string;
  roles: Role[];
  scopes: string[];
  partnerId?: string | null;
}

export const hasRole = (actor: Actor | undefined, ...roles: Role[]): boolean =>
  !!actor && actor.roles.some((r) => roles.includes(r));

/** A partner-only caller is confined to the customers it owns. */
export const isPartnerScoped = (actor: Actor | undefined): boolean =>
  !!actor && actor.roles.includes('partner') && !actor.roles.includes('admin');

/** The scopes a caller holds: its explicit scopes plus one per role. */
export const scopesOf = (actor: Actor): Set<string> => new Set([...actor.scopes, ...actor.roles]);

/** The actor used by event handlers and start-up seeding. */
export const SYSTEM_ACTOR: Actor = { sub: 'system', roles: ['admin'], scopes: [] };
