/** Business dates are calendar days in UTC, written YYYY-MM-DD. */
export type BusinessDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isValidDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function parseDate(value: string): Date {
  if (!isValidDate(value)) throw new RangeError(`"${value}" is not a valid date (YYYY-MM-DD)`);
  return new Date(`${value}T00:00:00.000Z`);
}

export const formatDate = (d: Date): BusinessDate => d.toISOString().slice(0, 10);

export const addDays = (date: BusinessDate, days: number): BusinessDate =>
  formatDate(new Date(parseDate(date).getTime() + days * DAY_MS));

/** Whole days from `from` to `to` (to − from). */
export const daysBetween = (from: BusinessDate, to: BusinessDate): number =>
  Math.round((parseDate(to).getTime() - parseDate(from).getTime()) / DAY_MS);

export const daysInMonth = (year: number, month1: number): number =>
  new Date(Date.UTC(year, month1, 0)).getUTCDate();

/** Adds calendar months, clamping the day to the end of a shorter month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: BusinessDate, months: number): BusinessDate {
  const d = parseDate(date);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month0 + 1));
  return formatDate(new Date(Date.UTC(year, month0, day)));
}

export const minDate = (a: BusinessDate, b: BusinessDate): BusinessDate => (a < b ? a : b);
export const maxDate = (a: BusinessDate, b: BusinessDate): BusinessDate => (a > b ? a : b);

/** "2026-03" for a date, and the first and last day of such a period. */
export const periodOf = (date: BusinessDate): string => date.slice(0, 7);
export const isValidPeriod = (period: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
export const periodStart = (period: string): BusinessDate => `${period}-01`;
export function periodEnd(period: string): BusinessDate {
  const [y, m] = period.split('-').map(Number);
  return `${period}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}
export const nextPeriod = (period: string): string => periodOf(addMonths(periodStart(period), 1));
export const previousPeriod = (period: string): string => periodOf(addMonths(periodStart(period), -1));

/** Today's business date in UTC. Domain code takes `asOf` instead of calling this. */
export const today = (): BusinessDate => formatDate(new Date());
