import { allow, deny, type Decision } from '@rg/kit';

/** Nothing is booked into a closed period. */
export const openPeriodPolicy = (period: string, closed: boolean): Decision =>
  closed ? deny('PERIOD_CLOSED', `Period ${period} is closed`, ['period']) : allow();
