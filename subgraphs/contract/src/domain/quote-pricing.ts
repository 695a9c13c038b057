import { isValidDate } from '@rg/kit';
import { isUsage, priceIn, type CatalogProduct } from './catalog';
import { parseDiscount } from './discount';
import { netUnitPriceMicros } from './pricing';
import { problem, type Problem } from './problem';
import { isValidTerm, MAX_TERM_MONTHS, MIN_TERM_MONTHS } from './term';

export interface QuoteLineRequest {
  productCode: string;
  quantity: number;
  discountPercent?: string | null;
}

export interface QuoteRequest {
  startDate: string;
  termMonths: number;
  lines: QuoteLineRequest[];
}

/** A quote line with the prices it was quoted at, in the customer's currency. */
export interface PricedLine {
  position: number;
  product: CatalogProduct;
  quantity: number;
  discountHundredths: bigint;
  listMicros: bigint;
  sspMicros: bigint;
  netMicros: bigint;
}

export type QuotePricing = { ok: true; lines: PricedLine[] } | { ok: false; problems: Problem[] };

/**
 * Validates a quote request against the catalog in the customer's currency and prices its lines.
 * Every problem names the input field (`input.lines.2.discountPercent`).
 */
export function priceQuote(request: QuoteRequest, catalog: Map<string, CatalogProduct>, currency: string): QuotePricing {
  const problems: Problem[] = [];
  if (!isValidDate(request.startDate)) {
    problems.push(problem('INVALID_START_DATE', `"${request.startDate}" is not a valid date (YYYY-MM-DD)`, ['input', 'startDate']));
  }
  if (!isValidTerm(request.termMonths)) {
    problems.push(
      problem('INVALID_TERM', `The term must be ${MIN_TERM_MONTHS} to ${MAX_TERM_MONTHS} whole months`, ['input', 'termMonths']),
    );
  }
  if (request.lines.length === 0) problems.push(problem('NO_LINES', 'A quote needs at least one line', ['input', 'lines']));

  const seen = new Set<string>();
  const lines: PricedLine[] = [];
  request.lines.forEach((line, i) => {
    const at = (f: string) => ['input', 'lines', String(i), f];
    const product = catalog.get(line.productCode);
    if (!product) {
      problems.push(problem('UNKNOWN_PRODUCT', `Product "${line.productCode}" is not in the catalog`, at('productCode')));
      return;
    }
    if (seen.has(product.code)) {
      problems.push(problem('DUPLICATE_PRODUCT', `Product ${product.code} appears on more than one line`, at('productCode')));
      return;
    }
    seen.add(product.code);
    const price = priceIn(product, currency);
    if (!price) {
      problems.push(problem('PRODUCT_NOT_PRICED', `Product ${product.code} has no price in ${currency}`, at('productCode')));
      return;
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      problems.push(problem('INVALID_QUANTITY', 'Quantity must be a whole number of at least 1', at('quantity')));
      return;
    }
    if (isUsage(product.chargeModel) && line.quantity !== 1) {
      problems.push(problem('INVALID_QUANTITY', `Usage product ${product.code} is quoted with quantity 1`, at('quantity')));
      return;
    }
    const discountHundredths = parseDiscount(line.discountPercent ?? '0');
    if (discountHundredths === null) {
      problems.push(
        problem('INVALID_DISCOUNT', 'The discount is a percent from 0 to 100 with at most two decimals', at('discountPercent')),
      );
      return;
    }
    lines.push({
      position: i,
      product,
      quantity: line.quantity,
      discountHundredths,
      listMicros: price.listMicros,
      sspMicros: price.sspMicros,
      netMicros: netUnitPriceMicros(price.listMicros, discountHundredths, product.chargeModel, currency),
    });
  });
  return problems.length ? { ok: false, problems } : { ok: true, lines };
}
