import { toMoneyOutput } from '@rg/kit';
import type { RenewalForecastResolvers } from '../generated/resolvers';

export const RenewalForecast: RenewalForecastResolvers = {
  renewals: (f) => f.totals.renewals,
  currentArr: (f) => toMoneyOutput(f.totals.currentArrMinor, f.currency),
  forecastArr: (f) => toMoneyOutput(f.totals.forecastArrMinor, f.currency),
  atRiskArr: (f) => toMoneyOutput(f.totals.atRiskArrMinor, f.currency),
  churnedArr: (f) => toMoneyOutput(f.totals.churnedArrMinor, f.currency),
};
