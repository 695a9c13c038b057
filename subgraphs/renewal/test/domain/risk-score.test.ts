import { assessRisk, levelOf } from '../../src/domain/risk-score';
import { RISK_MODEL } from '../../src/domain/risk-model';
import { NO_SIGNALS, type InvoiceFact, type RiskSignals } from '../../src/domain/risk-signals';

const with_ = (s: Partial<RiskSignals>): RiskSignals => ({ ...NO_SIGNALS, ...s });
const failure = (failedOn: string, reason = 'card_declined') => ({ paymentId: `pay_${failedOn}`, failedOn, reason, amountMinor: 260_000n, currency: 'USD' });
const invoice2: InvoiceFact = {
  invoiceId: 'inv_2',
  number: 'INV-2026-000002',
  issueDate: '2026-02-01',
  dueDate: '2026-03-03',
  amountDueMinor: 260_000n,
  currency: 'USD',
  voidedOn: null,
  payments: [],
};

describe('churn risk score', () => {
  test('no signals: score 0, LOW, no reasons', () => {
    expect(assessRisk(NO_SIGNALS, '2026-02-10')).toEqual({ asOf: '2026-02-10', score: 0, level: 'LOW', reasons: [], factors: [] });
  });

  test('a failed payment raises the score with its date and reason; it counts for 90 days', () => {
    const s = with_({ paymentFailures: [failure('2026-02-10')] });
    const r = assessRisk(s, '2026-02-10');
    expect(r.score).toBe(25);
    expect(r.level).toBe('MEDIUM');
    expect(r.reasons).toEqual(['Payment failed on 2026-02-10: card_declined']);
    expect(assessRisk(s, '2026-02-09').score).toBe(0); // not yet happened
    expect(assessRisk(s, '2026-05-10').score).toBe(25); // day 89
    expect(assessRisk(s, '2026-05-11')).toMatchObject({ score: 0, reasons: [] }); // 90 days later: out of the window
  });

  test('failed payments add up to their cap; every failure is still explained', () => {
    const s = with_({ paymentFailures: [failure('2026-02-10'), failure('2026-03-10', 'insufficient_funds'), failure('2026-04-10')] });
    const r = assessRisk(s, '2026-04-10');
    expect(r.score).toBe(50);
    expect(r.level).toBe('HIGH');
    expect(r.reasons).toEqual([
      'Payment failed on 2026-04-10: card_declined',
      'Payment failed on 2026-03-10: insufficient_funds',
      'Payment failed on 2026-02-10: card_declined',
    ]);
    expect(r.factors.map((f) => f.points)).toEqual([25, 25, 0]);
  });

  test('an overdue invoice raises the score until it is paid or voided', () => {
    const s = with_({ invoices: [invoice2] });
    expect(assessRisk(s, '2026-03-03').score).toBe(0); // due today: not overdue
    const late = assessRisk(s, '2026-04-01');
    expect(late).toMatchObject({ score: 20, level: 'LOW' });
    expect(late.reasons).toEqual(['Invoice INV-2026-000002 is 29 days overdue: 2,600.00 USD unpaid since 2026-03-03']);

    const partly = with_({ invoices: [{ ...invoice2, payments: [{ appliedOn: '2026-03-20', amountMinor: 100_000n }] }] });
    expect(assessRisk(partly, '2026-04-01').reasons).toEqual(['Invoice INV-2026-000002 is 29 days overdue: 1,600.00 USD unpaid since 2026-03-03']);

    const paid = with_({ invoices: [{ ...invoice2, payments: [{ appliedOn: '2026-03-20', amountMinor: 260_000n }] }] });
    expect(assessRisk(paid, '2026-03-19').score).toBe(20);
    expect(assessRisk(paid, '2026-03-20').score).toBe(0);

    const voided = with_({ invoices: [{ ...invoice2, voidedOn: '2026-03-10' }] });
    expect(assessRisk(voided, '2026-03-09').score).toBe(20);
    expect(assessRisk(voided, '2026-03-10').score).toBe(0);
  });

  test('a seat reduction or a removed product raises the score', () => {
    const s = with_({
      contractions: [
        { amendmentId: 'amd_1', effectiveDate: '2026-05-01', productCode: 'SEAT', productName: 'Seat', quantityBefore: 15, quantityAfter: 10 },
        { amendmentId: 'amd_2', effectiveDate: '2026-06-01', productCode: 'API_CALLS', productName: 'API calls', quantityBefore: 1, quantityAfter: 0 },
      ],
    });
    expect(assessRisk(s, '2026-04-30').score).toBe(0);
    expect(assessRisk(s, '2026-05-01')).toMatchObject({ score: 20, reasons: ['Seat quantity reduced from 15 to 10 on 2026-05-01'] });
    expect(assessRisk(s, '2026-06-01')).toMatchObject({
      score: 40,
      level: 'MEDIUM',
      reasons: ['API calls removed from the contract on 2026-06-01', 'Seat quantity reduced from 15 to 10 on 2026-05-01'],
    });
  });

  test('a falling usage trend raises the score once the month is over; a steady one does not', () => {
    const usage = (q: Record<string, string>) =>
      with_({ usage: Object.entries(q).map(([month, quantity]) => ({ productCode: 'API_CALLS', month, quantity })), productNames: { API_CALLS: 'API calls' } });
    const falling = usage({ '2026-01': '1000000', '2026-02': '1200000', '2026-03': '800000', '2026-04': '600000' });
    expect(assessRisk(falling, '2026-03-31').score).toBe(0); // February is up on January
    // April is not over yet: March against January–February
    expect(assessRisk(falling, '2026-04-30')).toMatchObject({
      score: 15,
      reasons: ['API calls usage fell 27% in 2026-03: 800,000 against an average of 1,100,000 a month over the previous 2 months'],
    });
    const may = assessRisk(falling, '2026-05-01');
    expect(may).toMatchObject({ score: 15, level: 'LOW' });
    expect(may.reasons).toEqual(['API calls usage fell 40% in 2026-04: 600,000 against an average of 1,000,000 a month over the previous 3 months']);

    const steady = usage({ '2026-01': '1000000', '2026-02': '1000000', '2026-03': '900000' });
    expect(assessRisk(steady, '2026-04-01').score).toBe(0); // a 10% dip is below the threshold
    const first = usage({ '2026-01': '1000000' });
    expect(assessRisk(first, '2026-03-01').score).toBe(0); // nothing to compare with
  });

  test('credit hold raises the score while it lasts', () => {
    const s = with_({
      creditHolds: [
        { changedOn: '2026-03-01', sequence: 1, hold: true, reason: 'Overdue balance' },
        { changedOn: '2026-04-15', sequence: 2, hold: false, reason: 'Paid' },
      ],
    });
    expect(assessRisk(s, '2026-02-28').score).toBe(0);
    expect(assessRisk(s, '2026-03-01')).toMatchObject({ score: 30, level: 'MEDIUM', reasons: ['Customer on credit hold since 2026-03-01: Overdue balance'] });
    expect(assessRisk(s, '2026-04-15').score).toBe(0);
  });

  test('signals add up, capped at the maximum score, reasons in a stable order', () => {
    const s = with_({
      paymentFailures: [failure('2026-03-20'), failure('2026-03-25')],
      invoices: [invoice2, { ...invoice2, invoiceId: 'inv_3', number: 'INV-2026-000003', issueDate: '2026-03-01', dueDate: '2026-03-31' }],
      creditHolds: [{ changedOn: '2026-03-15', sequence: 1, hold: true, reason: 'Overdue balance' }],
    });
    const r = assessRisk(s, '2026-04-10');
    expect(r.factors.map((f) => [f.kind, f.points])).toEqual([
      ['PAYMENT_FAILURE', 25],
      ['PAYMENT_FAILURE', 25],
      ['OVERDUE_INVOICE', 20],
      ['OVERDUE_INVOICE', 20],
      ['CREDIT_HOLD', 30],
    ]);
    expect(r.score).toBe(RISK_MODEL.maxScore);
    expect(r.level).toBe('HIGH');
    expect(r.reasons[0]).toBe('Payment failed on 2026-03-25: card_declined');
    expect(assessRisk(s, '2026-04-10')).toEqual(r); // deterministic
  });

  test('levels come from the model thresholds', () => {
    expect([0, 24, 25, 49, 50, 100].map((n) => levelOf(n))).toEqual(['LOW', 'LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'HIGH']);
    const strict = { ...RISK_MODEL, levels: [{ level: 'HIGH' as const, minScore: 20 }, { level: 'LOW' as const, minScore: 0 }] };
    expect(assessRisk(with_({ invoices: [invoice2] }), '2026-04-01', strict).level).toBe('HIGH');
  });
});
