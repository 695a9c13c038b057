import type { Subscription, SubscriptionLine } from '../../src/domain/subscription';

/** Acme's contract from the worked example: PLATFORM at 20% off, 10 seats, API calls, onboarding. */
export const acmeLines: SubscriptionLine[] = [
  { productCode: 'PLATFORM', productName: 'Platform subscription', chargeModel: 'FLAT', initialQuantity: 1, unitMicros: 1_600_000_000n, includedUnits: null },
  { productCode: 'SEAT', productName: 'Seat', chargeModel: 'PER_UNIT', initialQuantity: 10, unitMicros: 50_000_000n, includedUnits: null },
  { productCode: 'API_CALLS', productName: 'API calls', chargeModel: 'TIERED_USAGE', initialQuantity: 1, unitMicros: 2_000n, includedUnits: 1_000_000n },
  { productCode: 'ONBOARDING', productName: 'Onboarding services', chargeModel: 'ONE_TIME', initialQuantity: 1, unitMicros: 6_000_000_000n, includedUnits: null },
];

export function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    contractId: 'ctr_1',
    customerId: 'cus_1',
    currency: 'USD',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    billingFrequency: 'MONTHLY',
    cancelledFrom: null,
    lines: acmeLines,
    changes: [],
    ...overrides,
  };
}
