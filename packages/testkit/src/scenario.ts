/**
 * The worked example's fixed inputs (shared/scenarios/quote-to-cash.md), shared by every test
 * that plays part of it.
 */
export const ACME = { name: 'Acme Analytics', currency: 'USD', taxRegion: 'US-CA', legalEntityCode: 'US01' } as const;

/** Step 1: the quote a sales rep creates for Acme. */
export const acmeQuoteInput = (customerId: string) => ({
  customerId,
  startDate: '2026-01-01',
  termMonths: 12,
  billingFrequency: 'MONTHLY',
  lines: [
    { productCode: 'PLATFORM', quantity: 1, discountPercent: '20' },
    { productCode: 'SEAT', quantity: 10 },
    { productCode: 'API_CALLS', quantity: 1 },
    { productCode: 'ONBOARDING', quantity: 1 },
  ],
});

/** The commercial terms every contract of the example shares: US01, USD, 2026, monthly. */
export const ACME_TERMS = {
  partnerId: null,
  legalEntityCode: 'US01',
  taxRegion: 'US-CA',
  currency: 'USD',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  termMonths: 12,
  billingFrequency: 'MONTHLY',
  version: 1,
} as const;
