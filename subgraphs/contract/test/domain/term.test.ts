import { contractEndDate, isValidTerm, statusOn, withinTerm } from '../../src/domain/term';
import { acceptanceProblem, decisionProblem, submission } from '../../src/domain/quote-lifecycle';

describe('contract term', () => {
  test.each([
    ['2026-01-01', 12, '2026-12-31'],
    ['2026-01-15', 1, '2026-02-14'],
    ['2026-01-31', 1, '2026-02-27'],
    ['2024-02-29', 12, '2025-02-27'],
    ['2026-03-01', 60, '2031-02-28'],
  ])('%s + %i months ends %s', (start, months, end) => {
    expect(contractEndDate(start, months)).toBe(end);
  });

  test.each([[0, false], [1, true], [60, true], [61, false], [1.5, false], [-3, false]])('term %p valid: %p', (m, ok) => {
    expect(isValidTerm(m)).toBe(ok);
  });

  test('within the term includes both ends', () => {
    const term = { startDate: '2026-01-01', endDate: '2026-12-31' };
    expect(['2025-12-31', '2026-01-01', '2026-12-31', '2027-01-01'].map((d) => withinTerm(d, term))).toEqual([false, true, true, false]);
  });
});

describe('quote lifecycle', () => {
  test('submission asks for approval only when it is needed', () => {
    expect(submission({ status: 'DRAFT', requiredApproval: 'SALES_MANAGER' })).toEqual({ ok: true, next: 'PENDING_APPROVAL' });
    expect(submission({ status: 'DRAFT', requiredApproval: 'NONE' })).toEqual({ ok: true, next: 'APPROVED' });
    expect(submission({ status: 'APPROVED', requiredApproval: 'NONE' })).toMatchObject({ ok: false, problem: { code: 'QUOTE_NOT_DRAFT' } });
  });

  test('only a pending quote is decided', () => {
    expect(decisionProblem({ status: 'PENDING_APPROVAL', requiredApproval: 'FINANCE' })).toBeNull();
    expect(decisionProblem({ status: 'DRAFT', requiredApproval: 'FINANCE' })?.code).toBe('QUOTE_NOT_PENDING');
  });

  test.each([
    ['APPROVED', 'SALES_MANAGER', null],
    ['DRAFT', 'NONE', null],
    ['PENDING_APPROVAL', 'NONE', null],
    ['DRAFT', 'SALES_MANAGER', 'QUOTE_NOT_APPROVED'],
    ['PENDING_APPROVAL', 'FINANCE', 'QUOTE_NOT_APPROVED'],
    ['REJECTED', 'FINANCE', 'QUOTE_REJECTED'],
    ['ACCEPTED', 'NONE', 'QUOTE_ALREADY_ACCEPTED'],
  ] as const)('a %s quote needing %s is accepted: %s', (status, requiredApproval, code) => {
    expect(acceptanceProblem({ status, requiredApproval })?.code ?? null).toBe(code);
  });
});

describe('status on a day', () => {
  test('an active contract expires the day after its end date; others keep their status', () => {
    expect(statusOn('ACTIVE', '2026-12-31', '2026-12-31')).toBe('ACTIVE');
    expect(statusOn('ACTIVE', '2026-12-31', '2027-01-01')).toBe('EXPIRED');
    expect(statusOn('ACTIVE', '2026-12-31', null)).toBe('ACTIVE');
    expect(statusOn('CANCELLED', '2026-12-31', '2027-01-01')).toBe('CANCELLED');
  });
});
