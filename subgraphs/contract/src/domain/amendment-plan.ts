import { isValidDate, type AmendmentKind } from '@rg/kit';
import { isUsage, priceIn, type CatalogProduct } from './catalog';
import type { TermLine } from './contract-terms';
import { netUnitPriceMicros } from './pricing';
import { problem, type Problem } from './problem';
import { withinTerm } from './term';

export interface AmendmentRequest {
  effectiveDate: string;
  changes: Array<{ productCode: string; quantity: number }>;
}

export interface ContractState {
  currency: string;
  startDate: string;
  endDate: string;
  status: 'ACTIVE' | 'CANCELLED';
  /** Effective date of the latest amendment, if any: history is only appended to. */
  latestEffectiveDate: string | null;
}

export interface LineChange {
  productCode: string;
  quantityBefore: number;
  quantityAfter: number;
}

export interface AmendmentPlan {
  kind: AmendmentKind;
  changes: LineChange[];
  lines: TermLine[];
}

/** Rules every change of a contract from a date obeys (amendments and cancellations). */
export function effectiveDateProblems(contract: ContractState, effectiveDate: string, field: string[]): Problem[] {
  if (contract.status === 'CANCELLED') {
    return [problem('CONTRACT_CANCELLED', 'The contract is cancelled and can no longer change', field)];
  }
  if (!isValidDate(effectiveDate)) return [problem('INVALID_DATE', `"${effectiveDate}" is not a valid date (YYYY-MM-DD)`, field)];
  if (!withinTerm(effectiveDate, contract)) {
    return [
      problem(
        'EFFECTIVE_DATE_OUTSIDE_TERM',
        `The effective date must lie within the term ${contract.startDate} … ${contract.endDate}`,
        field,
      ),
    ];
  }
  if (contract.latestEffectiveDate && effectiveDate < contract.latestEffectiveDate) {
    return [
      problem(
        'EFFECTIVE_DATE_BEFORE_LATEST_AMENDMENT',
        `The effective date is before the latest amendment (${contract.latestEffectiveDate})`,
        field,
      ),
    ];
  }
  return [];
}

/**
 * Applies quantity changes to a contract version. A new quantity of 0 removes the product; a
 * product not yet on the contract is added at its list price. One amendment has one kind: adding
 * wins over removing, removing over a plain quantity change.
 */
export function planAmendment(
  contract: ContractState,
  lines: TermLine[],
  request: AmendmentRequest,
  catalog: Map<string, CatalogProduct>,
): { ok: true; plan: AmendmentPlan } | { ok: false; problems: Problem[] } {
  const dateProblems = effectiveDateProblems(contract, request.effectiveDate, ['input', 'effectiveDate']);
  if (dateProblems.length) return { ok: false, problems: dateProblems };
  if (request.changes.length === 0) {
    return { ok: false, problems: [problem('NO_CHANGES', 'An amendment needs at least one change', ['input', 'changes'])] };
  }

  const problems: Problem[] = [];
  const next = new Map(lines.map((l) => [l.productCode, { ...l }]));
  const changes: LineChange[] = [];
  const seen = new Set<string>();
  request.changes.forEach((change, i) => {
    const at = (f: string) => ['input', 'changes', String(i), f];
    if (seen.has(change.productCode)) {
      problems.push(problem('DUPLICATE_PRODUCT', `Product ${change.productCode} is changed twice`, at('productCode')));
      return;
    }
    seen.add(change.productCode);
    if (!Number.isInteger(change.quantity) || change.quantity < 0) {
      problems.push(problem('INVALID_QUANTITY', 'The new quantity must be a whole number of at least 0', at('quantity')));
      return;
    }
    const current = next.get(change.productCode);
    if (current) {
      if (isUsage(current.chargeModel) && change.quantity > 1) {
        problems.push(problem('INVALID_QUANTITY', `Usage product ${current.productCode} has quantity 1`, at('quantity')));
        return;
      }
      if (current.quantity === change.quantity) {
        problems.push(problem('QUANTITY_UNCHANGED', `${current.productCode} already has quantity ${change.quantity}`, at('quantity')));
        return;
      }
      changes.push({ productCode: current.productCode, quantityBefore: current.quantity, quantityAfter: change.quantity });
      if (change.quantity === 0) next.delete(current.productCode);
      else current.quantity = change.quantity;
      return;
    }
    const product = catalog.get(change.productCode);
    if (!product) {
      problems.push(problem('UNKNOWN_PRODUCT', `Product "${change.productCode}" is not in the catalog`, at('productCode')));
      return;
    }
    if (change.quantity === 0) {
      problems.push(problem('PRODUCT_NOT_ON_CONTRACT', `Product ${product.code} is not on the contract`, at('productCode')));
      return;
    }
    const price = priceIn(product, contract.currency);
    if (!price) {
      problems.push(problem('PRODUCT_NOT_PRICED', `Product ${product.code} has no price in ${contract.currency}`, at('productCode')));
      return;
    }
    if (isUsage(product.chargeModel) && change.quantity !== 1) {
      problems.push(problem('INVALID_QUANTITY', `Usage product ${product.code} is added with quantity 1`, at('quantity')));
      return;
    }
    changes.push({ productCode: product.code, quantityBefore: 0, quantityAfter: change.quantity });
    next.set(product.code, {
      productCode: product.code,
      productName: product.name,
      chargeModel: product.chargeModel,
      includedUnits: product.includedUnits,
      quantity: change.quantity,
      discountHundredths: 0n,
      listMicros: price.listMicros,
      netMicros: netUnitPriceMicros(price.listMicros, 0n, product.chargeModel, contract.currency),
      sspMicros: price.sspMicros,
    });
  });
  if (problems.length) return { ok: false, problems };
  if (next.size === 0) {
    return {
      ok: false,
      problems: [problem('CONTRACT_WOULD_BE_EMPTY', 'An amendment cannot remove every product; cancel the contract instead', ['input', 'changes'])],
    };
  }
  const kind: AmendmentKind = changes.some((c) => c.quantityBefore === 0)
    ? 'ADD_PRODUCT'
    : changes.some((c) => c.quantityAfter === 0)
      ? 'REMOVE_PRODUCT'
      : 'QUANTITY_CHANGE';
  // Keep the contract's line order; added products go last.
  const order = new Map(lines.map((l, i) => [l.productCode, i]));
  const newLines = [...next.values()].sort(
    (a, b) => (order.get(a.productCode) ?? Infinity) - (order.get(b.productCode) ?? Infinity),
  );
  return { ok: true, plan: { kind, changes, lines: newLines } };
}
