import type { ChargeModel } from '@rg/kit';

/** A product's price in one currency, in micro-units of that currency. */
export interface ProductPrice {
  currency: string;
  listMicros: bigint;
  /** Standalone selling price; the list price unless the price book states otherwise. */
  sspMicros: bigint;
}

export interface CatalogProduct {
  code: string;
  name: string;
  chargeModel: ChargeModel;
  includedUnits: number | null;
  prices: ProductPrice[];
}

export const priceIn = (product: CatalogProduct, currency: string): ProductPrice | null =>
  product.prices.find((p) => p.currency === currency) ?? null;

/** Usage lines carry one rated line per contract: their quantity is the meter, not a count. */
export const isUsage = (chargeModel: ChargeModel): boolean => chargeModel === 'TIERED_USAGE';

export const isOneTime = (chargeModel: ChargeModel): boolean => chargeModel === 'ONE_TIME';
