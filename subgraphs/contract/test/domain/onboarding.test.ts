import { onboardingDelivery } from '../../src/domain/onboarding';
import type { TermLine } from '../../src/domain/contract-terms';

const line = (productCode: string, chargeModel: TermLine['chargeModel']): TermLine => ({
  productCode,
  productName: productCode,
  chargeModel,
  includedUnits: null,
  quantity: 1,
  discountHundredths: 0n,
  listMicros: 1n,
  netMicros: 1n,
  sspMicros: 1n,
});
const contract = { startDate: '2026-01-01', status: 'ACTIVE' as const, onboardingCompletedOn: null };
const lines = [line('PLATFORM', 'FLAT'), line('ONBOARDING', 'ONE_TIME')];

describe('completing onboarding', () => {
  test('delivers the one-time lines', () => {
    expect(onboardingDelivery(contract, lines, '2026-01-20')).toEqual({ ok: true, productCodes: ['ONBOARDING'] });
  });

  test.each([
    [{ status: 'CANCELLED' }, lines, '2026-01-20', 'CONTRACT_CANCELLED'],
    [{ onboardingCompletedOn: '2026-01-10' }, lines, '2026-01-20', 'ONBOARDING_ALREADY_COMPLETED'],
    [{}, [lines[0]], '2026-01-20', 'NO_ONE_TIME_OBLIGATION'],
    [{}, lines, '2026-02-31', 'INVALID_DATE'],
    [{}, lines, '2025-12-31', 'COMPLETED_BEFORE_START'],
  ])('%o %#: %s', (state, ls, on, code) => {
    const result = onboardingDelivery({ ...contract, ...state } as typeof contract, ls as TermLine[], on as string);
    expect(!result.ok && result.problem.code).toBe(code);
  });
});
