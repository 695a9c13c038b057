import type { ContractTerms } from '@rg/kit';

export interface Contraction {
  productCode: string;
  productName: string;
  quantityBefore: number;
  quantityAfter: number;
}

/**
 * Products a customer bought less of in an amendment: a lower quantity or a product dropped.
 * One-time fees are left out: delivering them once is not a customer pulling back.
 */
export function contractionsOf(before: Pick<ContractTerms, 'lines'>, after: Pick<ContractTerms, 'lines'>): Contraction[] {
  const afterQty = new Map(after.lines.map((l) => [l.productCode, l.quantity]));
  return before.lines
    .filter((l) => l.chargeModel !== 'ONE_TIME')
    .map((l) => ({ productCode: l.productCode, productName: l.productName, quantityBefore: l.quantity, quantityAfter: afterQty.get(l.productCode) ?? 0 }))
    .filter((c) => c.quantityAfter < c.quantityBefore);
}
