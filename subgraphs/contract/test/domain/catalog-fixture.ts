import { MICRO_DIGITS, parseScaled, PRICE_BOOK } from '@rg/kit';
import type { CatalogProduct } from '../../src/domain/catalog';

/** The shipped price book as the catalog table holds it (SSP = list). */
export const CATALOG = new Map<string, CatalogProduct>(
  PRICE_BOOK.map((p) => [
    p.code,
    {
      code: p.code,
      name: p.name,
      chargeModel: p.chargeModel,
      includedUnits: p.includedUnits,
      prices: Object.entries(p.prices).map(([currency, list]) => ({
        currency,
        listMicros: parseScaled(list, MICRO_DIGITS),
        sspMicros: parseScaled(list, MICRO_DIGITS),
      })),
    },
  ]),
);
