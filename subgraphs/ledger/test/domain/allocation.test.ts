import { formatMoney, money } from '@rg/kit';
import { allocateTransactionPrice, earnedBy, obligationsForContract } from '../../src/domain/obligations';
import { acmeTerms } from './acme';

const usd = (n: bigint) => formatMoney(money(n, 'USD'));

describe('allocation of the transaction price by relative SSP', () => {
  it('allocates the 31,200.00 fixed price of the worked example 20,800.00 / 5,200.00 / 5,200.00', () => {
    const obligations = obligationsForContract(acmeTerms);
    expect(obligations.map((o) => [o.productCode, o.pattern, usd(o.allocated)])).toEqual([
      ['PLATFORM', 'RATABLE', '20800.00'],
      ['SEAT', 'RATABLE', '5200.00'],
      ['ONBOARDING', 'POINT_IN_TIME', '5200.00'],
    ]);
    expect(obligations.reduce((a, o) => a + o.allocated, 0n)).toBe(3_120_000n);
  });

  it('leaves usage out: it is variable consideration, recognised when its invoice posts', () => {
    expect(obligationsForContract(acmeTerms).some((o) => o.productCode === 'API_CALLS')).toBe(false);
  });

  it('splits with largest remainders so the parts always sum to the price', () => {
    const lines = [1, 1, 1].map((q, i) => ({ ...acmeTerms.lines[1], productCode: `P${i}`, quantity: q, netUnitPriceMicros: '33330000' }));
    const { price, allocations } = allocateTransactionPrice(lines, { termMonths: 1, currency: 'USD' });
    expect(allocations.reduce((a, b) => a + b, 0n)).toBe(price);
    expect(allocations).toEqual([3333n, 3333n, 3333n]);
  });

  it('serves the ratable obligations from the contract start to its end', () => {
    const [platform] = obligationsForContract(acmeTerms);
    expect([platform.serviceStart, platform.serviceEnd]).toEqual(['2026-01-01', '2026-12-31']);
    expect(earnedBy(platform, '2025-12-31')).toBe(0n);
    expect(earnedBy(platform, '2026-12-31')).toBe(2_080_000n);
    expect(earnedBy(platform, '2027-06-30')).toBe(2_080_000n);
  });
});
