import { forecastArrMinor, formatProbability, probabilityBp, sumForecast, type ForecastItem } from '../../src/domain/forecast';
import { RISK_MODEL } from '../../src/domain/risk-model';

describe('renewal probability and forecast', () => {
  test('probability comes from the risk level; decided renewals are certain', () => {
    expect(['LOW', 'MEDIUM', 'HIGH'].map((l) => formatProbability(probabilityBp('OPEN', l as never)))).toEqual(['0.90', '0.60', '0.30']);
    expect(formatProbability(probabilityBp('RENEWED', 'HIGH'))).toBe('1.00');
    expect(formatProbability(probabilityBp('CHURNED', 'LOW'))).toBe('0.00');
    const finer = { ...RISK_MODEL, probability: { ...RISK_MODEL.probability, MEDIUM: '0.655' } };
    expect(formatProbability(probabilityBp('OPEN', 'MEDIUM', finer))).toBe('0.655');
  });

  test('forecast ARR = current ARR × probability, rounded half-up to the cent', () => {
    expect(forecastArrMinor(2_520_000n, 9000n)).toBe(2_268_000n); // 25,200.00 × 0.9
    expect(forecastArrMinor(2_820_000n, 6000n)).toBe(1_692_000n); // 28,200.00 × 0.6
    expect(forecastArrMinor(12_345n, 6000n)).toBe(7_407n); // 123.45 × 0.6 = 74.07
    expect(forecastArrMinor(12_345n, 3000n)).toBe(3_704n); // 37.035 → 37.04
  });

  test('the window totals sum current, forecast, at-risk and churned ARR', () => {
    const items: ForecastItem[] = [
      { currentArrMinor: 2_520_000n, probabilityBp: 9000n, level: 'LOW', status: 'OPEN' },
      { currentArrMinor: 2_820_000n, probabilityBp: 6000n, level: 'MEDIUM', status: 'OPEN' },
      { currentArrMinor: 1_000_000n, probabilityBp: 3000n, level: 'HIGH', status: 'OPEN' },
      { currentArrMinor: 12_345n, probabilityBp: 3000n, level: 'HIGH', status: 'OPEN' },
      { currentArrMinor: 500_000n, probabilityBp: 10000n, level: 'HIGH', status: 'RENEWED' },
      { currentArrMinor: 700_000n, probabilityBp: 0n, level: 'LOW', status: 'CHURNED' },
    ];
    expect(sumForecast(items)).toEqual({
      renewals: 6,
      currentArrMinor: 7_552_345n, // 75,523.45
      forecastArrMinor: 2_268_000n + 1_692_000n + 300_000n + 3_704n + 500_000n, // 47,637.04
      atRiskArrMinor: 1_012_345n, // open and HIGH only
      churnedArrMinor: 700_000n,
    });
    expect(sumForecast([])).toEqual({ renewals: 0, currentArrMinor: 0n, forecastArrMinor: 0n, atRiskArrMinor: 0n, churnedArrMinor: 0n });
  });
});
