import { addDays, addMonths, type BusinessDate } from '@rg/kit';

export const MIN_TERM_MONTHS = 1;
export const MAX_TERM_MONTHS = 60;

/** The last day of service: start + term months − 1 day (12 months from 2026-01-01 end 2026-12-31). */
export const contractEndDate = (startDate: BusinessDate, termMonths: number): BusinessDate =>
  addDays(addMonths(startDate, termMonths), -1);

export const isValidTerm = (termMonths: number): boolean =>
  Number.isInteger(termMonths) && termMonths >= MIN_TERM_MONTHS && termMonths <= MAX_TERM_MONTHS;

export const withinTerm = (date: BusinessDate, term: { startDate: BusinessDate; endDate: BusinessDate }): boolean =>
  date >= term.startDate && date <= term.endDate;

/** A contract's status on a day: an active contract whose term has ended is EXPIRED. */
export function statusOn<S extends string>(status: S, endDate: string, asOf: string | null | undefined): S | 'EXPIRED' {
  return status === 'ACTIVE' && asOf && asOf > endDate ? 'EXPIRED' : status;
}
