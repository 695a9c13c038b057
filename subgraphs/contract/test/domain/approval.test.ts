import type { Actor } from '@rg/kit';
import { approvalLevelFor, discountApprovalPolicy } from '../../src/policies/discount-approval';
import { approverAuthorityPolicy } from '../../src/policies/approver-authority';
import { approverNotSubmitterPolicy } from '../../src/policies/approver-not-submitter';
import { loadApprovalRules } from '../../src/policies/approval-rules';
import { creditHoldPolicy } from '../../src/policies/credit-hold';
import { partnerScopePolicy } from '../../src/policies/partner-scope';

const actor = (sub: string, ...roles: Actor['roles']): Actor => ({ sub, roles, scopes: [] });

describe('discount approval levels (data-driven)', () => {
  test.each([
    [[0n], 'NONE'],
    [[1000n], 'NONE'],
    [[1001n], 'SALES_MANAGER'],
    [[2000n, 0n, 500n], 'SALES_MANAGER'],
    [[2500n], 'SALES_MANAGER'],
    [[2501n], 'FINANCE'],
    [[10000n], 'FINANCE'],
    [[], 'NONE'],
  ])('highest of %p hundredths needs %s', (discounts, level) => {
    expect(approvalLevelFor(discounts)).toBe(level);
  });

  test('the policy asks for the level with its reason, or allows', () => {
    expect(discountApprovalPolicy([2000n])).toEqual({ kind: 'requireApproval', level: 'SALES_MANAGER', reason: expect.stringContaining('20%') });
    expect(discountApprovalPolicy([1000n])).toEqual({ kind: 'allow' });
  });

  test('thresholds come from the data, not the code', () => {
    const strict = loadApprovalRules({
      discountLevels: [
        { upToPercent: '0', level: 'NONE' },
        { upToPercent: '5', level: 'SALES_MANAGER' },
        { upToPercent: '100', level: 'FINANCE' },
      ],
      approvers: { SALES_MANAGER: ['sales_manager'], FINANCE: ['finance'] },
    });
    expect(approvalLevelFor([1n], strict)).toBe('SALES_MANAGER');
    expect(approvalLevelFor([600n], strict)).toBe('FINANCE');
  });
});

describe('who approves', () => {
  test('sales_manager approves SALES_MANAGER quotes; finance and admin approve either level', () => {
    const manager = actor('m', 'sales_manager');
    expect(approverAuthorityPolicy({ requiredApproval: 'SALES_MANAGER' }, manager).kind).toBe('allow');
    expect(approverAuthorityPolicy({ requiredApproval: 'FINANCE' }, manager)).toMatchObject({ kind: 'deny', code: 'POLICY_APPROVAL_AUTHORITY' });
    for (const role of ['finance', 'admin'] as const) {
      expect(approverAuthorityPolicy({ requiredApproval: 'SALES_MANAGER' }, actor('x', role)).kind).toBe('allow');
      expect(approverAuthorityPolicy({ requiredApproval: 'FINANCE' }, actor('x', role)).kind).toBe('allow');
    }
    expect(approverAuthorityPolicy({ requiredApproval: 'SALES_MANAGER' }, actor('r', 'sales_rep')).kind).toBe('deny');
  });

  test('nobody approves what they submitted, whatever roles they hold', () => {
    const both = actor('ann', 'sales_rep', 'sales_manager', 'finance', 'admin');
    expect(approverNotSubmitterPolicy({ submittedBy: 'ann' }, both)).toMatchObject({ kind: 'deny', code: 'POLICY_APPROVER_IS_SUBMITTER', field: ['quoteId'] });
    expect(approverNotSubmitterPolicy({ submittedBy: 'bob' }, both).kind).toBe('allow');
  });
});

describe('order policies', () => {
  test('credit hold blocks acceptance', () => {
    expect(creditHoldPolicy({ id: 'c', creditHold: true })).toMatchObject({ kind: 'deny', code: 'POLICY_CREDIT_HOLD' });
    expect(creditHoldPolicy({ id: 'c', creditHold: false }).kind).toBe('allow');
  });

  test('a partner acts only for its own customers; internal roles for any', () => {
    const partner: Actor = { sub: 'p', roles: ['partner'], scopes: [], partnerId: 'p1' };
    const f = ['input', 'customerId'];
    expect(partnerScopePolicy({ id: 'c', partnerId: 'p1' }, partner, f).kind).toBe('allow');
    expect(partnerScopePolicy({ id: 'c', partnerId: 'p2' }, partner, f)).toMatchObject({ kind: 'deny', code: 'POLICY_PARTNER_SCOPE', field: f });
    expect(partnerScopePolicy({ id: 'c', partnerId: null }, partner, f).kind).toBe('deny');
    expect(partnerScopePolicy({ id: 'c', partnerId: 'p2' }, actor('r', 'sales_rep'), f).kind).toBe('allow');
  });
});
