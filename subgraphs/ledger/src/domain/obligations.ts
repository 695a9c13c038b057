import { allocate, microsToMinor, type BusinessDate, type ContractTermLine, type ContractTerms } from '@rg/kit';
import { ratableSchedule, recognisedToDate, scheduleTotal, type Segment } from './ratable';

export type RevenueKind = 'RECURRING' | 'ONE_TIME';
export type Pattern = 'RATABLE' | 'POINT_IN_TIME';

/** A performance obligation (ASC 606) and how its allocated price is earned. */
export interface Obligation {
  key: string; // stable within its contract: the line or amendment that created it
  productCode: string;
  description: string;
  revenueKind: RevenueKind;
  pattern: Pattern;
  currency: string;
  allocated: bigint;
  serviceStart: BusinessDate | null;
  serviceEnd: BusinessDate | null;
  segments: Segment[]; // RATABLE
  deliveredOn: BusinessDate | null; // POINT_IN_TIME
}

/** Usage is variable consideration: it is not allocated and is recognised as its invoice posts. */
const isFixed = (line: ContractTermLine) => line.chargeModel !== 'TIERED_USAGE';
const isOneTime = (line: ContractTermLine) => line.chargeModel === 'ONE_TIME';

/** The fixed price of a line over the term, in minor units: what billing will charge for it. */
export function linePrice(line: ContractTermLine, terms: Pick<ContractTerms, 'termMonths' | 'currency'>): bigint {
  const months = isOneTime(line) ? 1n : BigInt(terms.termMonths);
  return microsToMinor(BigInt(line.netUnitPriceMicros) * BigInt(line.quantity) * months, terms.currency);
}

/** Standalone selling price of a line: monthly SSP × quantity × term, or SSP × quantity once. */
export function lineSsp(line: ContractTermLine, terms: Pick<ContractTerms, 'termMonths'>): bigint {
  const months = isOneTime(line) ? 1n : BigInt(terms.termMonths);
  return BigInt(line.sspUnitPriceMicros) * BigInt(line.quantity) * months;
}

/**
 * Allocates the fixed transaction price to the lines by relative SSP (largest remainder, so the
 * parts sum to the price exactly). Lines without SSP fall back to their own prices as weights.
 */
export function allocateTransactionPrice(lines: readonly ContractTermLine[], terms: Pick<ContractTerms, 'termMonths' | 'currency'>) {
  const prices = lines.map((l) => linePrice(l, terms));
  const price = prices.reduce((a, b) => a + b, 0n);
  const ssp = lines.map((l) => lineSsp(l, terms));
  if (price === 0n) return { price, allocations: lines.map(() => 0n) };
  const weights = ssp.some((w) => w > 0n) ? ssp : prices;
  return { price, allocations: allocate(price, weights) };
}

/** The obligations of a newly activated contract, one per fixed-price line. */
export function obligationsForContract(terms: ContractTerms): Obligation[] {
  const lines = terms.lines.filter(isFixed);
  const { allocations } = allocateTransactionPrice(lines, terms);
  return lines.map((line, i) =>
    isOneTime(line)
      ? pointInTimeObligation(`line:${line.productCode}`, line, allocations[i], terms.currency)
      : ratableObligation(`line:${line.productCode}`, line, allocations[i], terms.currency, terms.startDate, terms.endDate),
  );
}

export function ratableObligation(
  key: string,
  line: Pick<ContractTermLine, 'productCode' | 'productName' | 'quantity'>,
  allocated: bigint,
  currency: string,
  start: BusinessDate,
  end: BusinessDate,
): Obligation {
  return {
    key,
    productCode: line.productCode,
    description: `${line.productName} × ${line.quantity}`,
    revenueKind: 'RECURRING',
    pattern: 'RATABLE',
    currency,
    allocated,
    serviceStart: start,
    serviceEnd: end,
    segments: ratableSchedule(allocated, start, end),
    deliveredOn: null,
  };
}

export function pointInTimeObligation(
  key: string,
  line: Pick<ContractTermLine, 'productCode' | 'productName' | 'quantity'>,
  allocated: bigint,
  currency: string,
): Obligation {
  return {
    key,
    productCode: line.productCode,
    description: `${line.productName} × ${line.quantity}`,
    revenueKind: 'ONE_TIME',
    pattern: 'POINT_IN_TIME',
    currency,
    allocated,
    serviceStart: null,
    serviceEnd: null,
    segments: [],
    deliveredOn: null,
  };
}

/** Revenue an obligation has earned by the end of `asOf`, by its schedule. */
export function earnedBy(ob: Obligation, asOf: BusinessDate): bigint {
  if (ob.pattern === 'POINT_IN_TIME') return ob.deliveredOn !== null && ob.deliveredOn <= asOf ? ob.allocated : 0n;
  return recognisedToDate(ob.segments, asOf);
}

/** The allocated price as the schedule carries it (they agree after every modification). */
export const scheduledPrice = (ob: Obligation): bigint => (ob.pattern === 'RATABLE' ? scheduleTotal(ob.segments) : ob.allocated);
