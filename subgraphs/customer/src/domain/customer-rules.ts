import { allow, deny, ISO_CURRENCIES, isPartnerScoped, type Actor, type Decision } from '@rg/kit';

export const MAX_HIERARCHY_DEPTH = 5;

export interface NewCustomer {
  name: string;
  currency: string;
  taxRegion: string;
  legalEntityCode: string;
  parentId?: string | null;
  partnerId?: string | null;
}

export interface ValidationProblem {
  code: string;
  message: string;
  field: string[];
}

/** Checks a new customer against the reference data; every problem names its input field. */
export function validateNewCustomer(
  input: NewCustomer,
  refs: { taxRegions: Set<string>; legalEntities: Set<string>; parentDepth: number | null },
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const at = (f: string) => ['input', f];
  if (!input.name.trim()) problems.push({ code: 'NAME_REQUIRED', message: 'Name must not be empty', field: at('name') });
  if (input.name.length > 200) problems.push({ code: 'NAME_TOO_LONG', message: 'Name is longer than 200 characters', field: at('name') });
  if (!ISO_CURRENCIES.has(input.currency)) {
    problems.push({ code: 'INVALID_CURRENCY', message: `"${input.currency}" is not a supported ISO 4217 currency`, field: at('currency') });
  }
  if (!refs.taxRegions.has(input.taxRegion)) {
    problems.push({ code: 'UNKNOWN_TAX_REGION', message: `Tax region "${input.taxRegion}" is not in the tax table`, field: at('taxRegion') });
  }
  if (!refs.legalEntities.has(input.legalEntityCode)) {
    problems.push({ code: 'UNKNOWN_LEGAL_ENTITY', message: `Legal entity "${input.legalEntityCode}" does not exist`, field: at('legalEntityCode') });
  }
  if (input.parentId) {
    if (refs.parentDepth === null) {
      problems.push({ code: 'PARENT_NOT_FOUND', message: `Parent customer ${input.parentId} was not found`, field: at('parentId') });
    } else if (refs.parentDepth + 1 >= MAX_HIERARCHY_DEPTH) {
      problems.push({
        code: 'HIERARCHY_TOO_DEEP',
        message: `An account hierarchy is at most ${MAX_HIERARCHY_DEPTH} levels deep`,
        field: at('parentId'),
      });
    }
  }
  return problems;
}

export interface CustomerChange {
  name?: string | null;
  taxRegion?: string | null;
  /** undefined leaves the parent as it is; null detaches. */
  parentId?: string | null;
}

/**
 * Checks a change to an account. Re-parenting must keep the hierarchy a tree (no account under
 * itself or its own descendants) within the depth limit, counting the moved account's subtree.
 */
export function validateCustomerChange(
  customerId: string,
  change: CustomerChange,
  refs: { taxRegions: Set<string>; parentDepth: number | null; subtreeHeight: number; descendants: Set<string> },
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const at = (f: string) => ['input', f];
  if (change.name !== undefined && change.name !== null) {
    if (!change.name.trim()) problems.push({ code: 'NAME_REQUIRED', message: 'Name must not be empty', field: at('name') });
    if (change.name.length > 200) problems.push({ code: 'NAME_TOO_LONG', message: 'Name is longer than 200 characters', field: at('name') });
  }
  if (change.taxRegion !== undefined && change.taxRegion !== null && !refs.taxRegions.has(change.taxRegion)) {
    problems.push({ code: 'UNKNOWN_TAX_REGION', message: `Tax region "${change.taxRegion}" is not in the tax table`, field: at('taxRegion') });
  }
  if (change.parentId) {
    if (change.parentId === customerId || refs.descendants.has(change.parentId)) {
      problems.push({ code: 'HIERARCHY_CYCLE', message: 'An account cannot be placed under itself or one of its own sub-accounts', field: at('parentId') });
    } else if (refs.parentDepth === null) {
      problems.push({ code: 'PARENT_NOT_FOUND', message: `Parent customer ${change.parentId} was not found`, field: at('parentId') });
    } else if (refs.parentDepth + 1 + refs.subtreeHeight >= MAX_HIERARCHY_DEPTH) {
      problems.push({ code: 'HIERARCHY_TOO_DEEP', message: `An account hierarchy is at most ${MAX_HIERARCHY_DEPTH} levels deep`, field: at('parentId') });
    }
  }
  return problems;
}

/** A partner may only create accounts it owns; others may assign any partner. */
export function partnerOwnershipPolicy(input: { partnerId?: string | null }, actor: Actor): Decision {
  if (!isPartnerScoped(actor)) return allow();
  if (input.partnerId && input.partnerId !== actor.partnerId) {
    return deny('PARTNER_SCOPE', 'A partner can only create customers it owns', ['input', 'partnerId']);
  }
  return allow();
}
