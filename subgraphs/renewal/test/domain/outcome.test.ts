import { outcomeProblem } from '../../src/domain/outcome';

const open = { status: 'OPEN' as const, customerId: 'cus_a', contractId: 'ctr_1' };

describe('renewal outcome rules', () => {
  test('a renewal names a new contract of the same customer', () => {
    expect(outcomeProblem(open, 'RENEWED', 'ctr_2', { customerId: 'cus_a' })).toBeNull();
    expect(outcomeProblem(open, 'RENEWED', null, null)?.code).toBe('NEW_CONTRACT_REQUIRED');
    expect(outcomeProblem(open, 'RENEWED', 'ctr_1', { customerId: 'cus_a' })?.code).toBe('NEW_CONTRACT_IS_RENEWED_CONTRACT');
    expect(outcomeProblem(open, 'RENEWED', 'ctr_9', null)?.code).toBe('NEW_CONTRACT_NOT_FOUND');
    expect(outcomeProblem(open, 'RENEWED', 'ctr_2', { customerId: 'cus_b' })).toMatchObject({ code: 'NEW_CONTRACT_OTHER_CUSTOMER', field: ['newContractId'] });
  });

  test('a churn has no new contract; a decided renewal is not decided again', () => {
    expect(outcomeProblem(open, 'CHURNED', null, null)).toBeNull();
    expect(outcomeProblem(open, 'CHURNED', 'ctr_2', { customerId: 'cus_a' })?.code).toBe('NEW_CONTRACT_NOT_ALLOWED');
    expect(outcomeProblem({ ...open, status: 'CHURNED' }, 'CHURNED', null, null)).toMatchObject({ code: 'RENEWAL_ALREADY_DECIDED', field: ['renewalId'] });
  });
});
