import { ACME_TERMS } from '@rg/testkit/src/scenario';
import type { ContractAmendedV1, ContractTerms, ContractTermLine } from '@rg/kit';

/** The contract of the worked example (shared/scenarios/quote-to-cash.md), as ContractActivated carries it. */
const line = (productCode: string, chargeModel: ContractTermLine['chargeModel'], quantity: number, list: string, net: string, included: number | null = null): ContractTermLine => ({
  productCode,
  productName: productCode,
  chargeModel,
  quantity,
  discountPercent: '0',
  listUnitPriceMicros: list,
  netUnitPriceMicros: net,
  sspUnitPriceMicros: list,
  includedUnits: included,
});

export const acmeTerms: ContractTerms = {
  contractId: 'ctr_acme',
  number: 'C-2026-000001',
  customerId: 'cus_acme',
  ...ACME_TERMS,
  lines: [
    { ...line('PLATFORM', 'FLAT', 1, '2000000000', '1600000000'), discountPercent: '20' },
    line('SEAT', 'PER_UNIT', 10, '50000000', '50000000'),
    line('API_CALLS', 'TIERED_USAGE', 1, '2000', '2000', 1_000_000),
    line('ONBOARDING', 'ONE_TIME', 1, '6000000000', '6000000000'),
  ],
};

export const acmeSeatAmendment: ContractAmendedV1 = {
  contractId: 'ctr_acme',
  customerId: 'cus_acme',
  amendmentId: 'amd_seats',
  kind: 'QUANTITY_CHANGE',
  effectiveDate: '2026-03-16',
  version: 2,
  changes: [{ productCode: 'SEAT', quantityBefore: 10, quantityAfter: 15 }],
  before: acmeTerms,
  after: {
    ...acmeTerms,
    version: 2,
    lines: acmeTerms.lines.map((l) => (l.productCode === 'SEAT' ? { ...l, quantity: 15 } : l)),
  },
};
