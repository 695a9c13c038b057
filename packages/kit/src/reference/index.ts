/**
 * Reference data the product ships (shared/scenarios/quote-to-cash.md). Each subgraph seeds its
 * own tables from it in a migration; none reads another's copy.
 */
export const LEGAL_ENTITIES = [
  { code: 'US01', name: 'Revenue Graph Inc.', currency: 'USD' },
  { code: 'DE01', name: 'Revenue Graph GmbH', currency: 'EUR' },
] as const;

/** Tax rate per region, as a percent decimal string. */
export const TAX_RATES: ReadonlyArray<{ region: string; name: string; ratePercent: string }> = [
  { region: 'US-CA', name: 'California', ratePercent: '0' },
  { region: 'US-NY', name: 'New York', ratePercent: '8.875' },
  { region: 'US-WA', name: 'Washington', ratePercent: '10.25' },
  { region: 'DE', name: 'Germany', ratePercent: '19' },
  { region: 'FR', name: 'France', ratePercent: '20' },
  { region: 'GB', name: 'United Kingdom', ratePercent: '20' },
  { region: 'NL', name: 'Netherlands', ratePercent: '21' },
  { region: 'IE', name: 'Ireland', ratePercent: '23' },
];

export const PAYMENT_TERMS_DAYS = 30;

export type ChargeModel = 'FLAT' | 'PER_UNIT' | 'TIERED_USAGE' | 'ONE_TIME';

/** The price book: list prices per currency as decimal strings; SSP = list price unless stated. */
export const PRICE_BOOK: ReadonlyArray<{
  code: string;
  name: string;
  chargeModel: ChargeModel;
  includedUnits: number | null;
  prices: Record<string, string>;
}> = [
  { code: 'PLATFORM', name: 'Platform subscription', chargeModel: 'FLAT', includedUnits: null, prices: { USD: '2000.00', EUR: '1800.00' } },
  { code: 'SEAT', name: 'Seat', chargeModel: 'PER_UNIT', includedUnits: null, prices: { USD: '50.00', EUR: '45.00' } },
  { code: 'API_CALLS', name: 'API calls', chargeModel: 'TIERED_USAGE', includedUnits: 1_000_000, prices: { USD: '0.002', EUR: '0.0018' } },
  { code: 'ONBOARDING', name: 'Onboarding services', chargeModel: 'ONE_TIME', includedUnits: null, prices: { USD: '6000.00', EUR: '5400.00' } },
];

export const CHART_OF_ACCOUNTS: ReadonlyArray<{ code: string; name: string; type: 'ASSET' | 'LIABILITY' | 'EQUITY' | 'REVENUE' | 'EXPENSE' }> = [
  { code: '1000', name: 'Cash', type: 'ASSET' },
  { code: '1100', name: 'Accounts receivable', type: 'ASSET' },
  { code: '2100', name: 'Tax payable', type: 'LIABILITY' },
  { code: '2400', name: 'Deferred revenue', type: 'LIABILITY' },
  { code: '4000', name: 'Subscription revenue', type: 'REVENUE' },
  { code: '4100', name: 'Usage revenue', type: 'REVENUE' },
  { code: '4200', name: 'Services revenue', type: 'REVENUE' },
];

/** ISO 4217 codes accepted for customers and prices. */
export const ISO_CURRENCIES = new Set([
  'USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF',
  'SGD', 'HKD', 'CNY', 'INR', 'BRL', 'MXN', 'ZAR', 'KRW', 'ILS', 'AED', 'SAR', 'TRY', 'BHD', 'KWD',
]);
