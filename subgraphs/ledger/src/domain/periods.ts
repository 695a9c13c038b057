import { nextPeriod, periodOf, periodStart, type BusinessDate } from '@rg/kit';

/**
 * Where an event dated `date` is booked: on its own date, or, when its period is closed, on the
 * first day of the first open period after it, with a note saying so.
 */
export function postingDate(date: BusinessDate, closed: ReadonlySet<string>): { entryDate: BusinessDate; note: string | null } {
  const period = periodOf(date);
  if (!closed.has(period)) return { entryDate: date, note: null };
  let open = nextPeriod(period);
  while (closed.has(open)) open = nextPeriod(open);
  return {
    entryDate: periodStart(open),
    note: `Dated ${date} in closed period ${period}; booked in ${open}`,
  };
}
