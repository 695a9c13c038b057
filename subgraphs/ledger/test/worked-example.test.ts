import { startTestStack, type TestStack } from '@rg/testkit';
import {
  acmeContract, AMEND_CONTRACT, AR_RECONCILIATION, AUDIT, CLOSE_PERIOD, COMPLETE_ONBOARDING, describeLines, describeTrialBalance,
  ENTRIES, invoiceLine, invoicePosted, ok, PERIODS, paymentSettled, postInvoice, REOPEN_PERIOD, ROLL_FORWARD, RUN_RECOGNITION,
  SCHEDULE, settlePayment, TRIAL_BALANCE,
} from './support';

/**
 * Steps 7, 10 and the revenue side of 11 of shared/scenarios/quote-to-cash.md through the gateway.
 * The contract comes from the real contract mutations; billing's events are appended to the log in
 * the catalog's shape.
 */
describe('worked example: record to report', () => {
  let stack: TestStack;
  let acme: { customerId: string; contractId: string; number: string };
  const finance = () => stack.as('finance', { sub: 'fin-fay' });
  const controller = () => stack.as('controller', { sub: 'ctl-carl', correlationId: 'corr-close-jan' });
  const recognise = async (period: string) => ok<any>(await finance().gql(RUN_RECOGNITION, { le: 'US01', period }), 'runRevenueRecognition');
  const trialBalance = async (asOf: string) => describeTrialBalance((await finance().gql(TRIAL_BALANCE, { le: 'US01', asOf })).data.trialBalance);
  const schedule = async () => (await finance().gql(SCHEDULE, { id: acme.contractId })).data.contract.revenueSchedule;

  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'contract', 'ledger'] });
    acme = await acmeContract(stack);
  });
  afterAll(() => stack?.stop());

  test('ContractActivated builds the obligations: 20,800.00 / 5,200.00 / 5,200.00 of 31,200.00', async () => {
    const s = await schedule();
    expect(s.contract.id).toBe(acme.contractId);
    expect(s.obligations.map((o: any) => [o.productCode, o.pattern, o.serviceStart, o.serviceEnd, o.allocatedPrice.amount, o.recognizedToDate.amount, o.deferred.amount])).toEqual([
      ['PLATFORM', 'RATABLE', '2026-01-01', '2026-12-31', '20800.00', '0.00', '20800.00'],
      ['SEAT', 'RATABLE', '2026-01-01', '2026-12-31', '5200.00', '0.00', '5200.00'],
      ['ONBOARDING', 'POINT_IN_TIME', null, null, '5200.00', '0.00', '5200.00'],
    ]);
  });

  test('January: invoice 1, payment, onboarding, recognition 1,766.58 + 441.64 + 5,200.00 and the trial balance', async () => {
    const { customerId, contractId } = acme;
    const inv1 = invoicePosted({
      invoiceId: 'inv_acme_1', number: 'INV-2026-000001', customerId, contractId, issueDate: '2026-01-01',
      lines: [invoiceLine('RECURRING', 'PLATFORM', '160000'), invoiceLine('RECURRING', 'SEAT', '50000'), invoiceLine('ONE_TIME', 'ONBOARDING', '600000')],
    });
    const posted = await postInvoice(stack, inv1);
    await settlePayment(stack, paymentSettled({ paymentId: 'pay_acme_1', customerId, invoiceId: 'inv_acme_1', amountMinor: '810000', receivedAt: '2026-01-20T10:00:00.000Z' }));
    ok(await stack.as('cs_manager').gql(COMPLETE_ONBOARDING, { id: contractId, on: '2026-01-20' }), 'completeOnboarding');
    await stack.settle();

    const jan = (await finance().gql(ENTRIES, { le: 'US01', period: '2026-01' })).data.journalEntries;
    expect(jan.map((e: any) => [e.entryDate, e.purpose, e.sourceEventId, describeLines(e)])).toEqual([
      ['2026-01-01', 'InvoicePosted', posted, ['Dr 1100 8100.00', 'Cr 2400 2100.00', 'Cr 2400 6000.00']],
      ['2026-01-20', 'PaymentSettled', expect.any(String), ['Dr 1000 8100.00', 'Cr 1100 8100.00']],
    ]);

    const run = await recognise('2026-01');
    expect(run.period).toEqual({ period: '2026-01', status: 'OPEN' });
    expect(run.journalEntries).toHaveLength(1);
    const [entry] = run.journalEntries;
    expect(entry).toMatchObject({ entryDate: '2026-01-31', purpose: 'RevenueRecognition', sourceEventId: null, legalEntity: { code: 'US01' } });
    expect(describeLines(entry)).toEqual([
      'Dr 2400 1766.58', 'Cr 4000 1766.58',
      'Dr 2400 441.64', 'Cr 4000 441.64',
      'Dr 2400 5200.00', 'Cr 4200 5200.00',
    ]);
    expect(await trialBalance('2026-01-31')).toEqual([
      '1000 Dr 8100.00',
      '1100 Dr 0.00',
      '2400 Cr 691.78',
      '4000 Cr 2208.22',
      '4200 Cr 5200.00',
    ]);
    const s = await schedule();
    expect(s.obligations.map((o: any) => [o.productCode, o.recognizedToDate.amount, o.deferred.amount])).toEqual([
      ['PLATFORM', '1766.58', '19033.42'],
      ['SEAT', '441.64', '4758.36'],
      ['ONBOARDING', '5200.00', '0.00'],
    ]);
    const [roll] = (await finance().gql(ROLL_FORWARD, { le: 'US01', period: '2026-01' })).data.deferredRevenueRollForward;
    expect(roll).toEqual({
      currency: 'USD', opening: { amount: '0.00' }, billed: { amount: '8100.00' }, recognized: { amount: '7408.22' }, other: { amount: '0.00' }, closing: { amount: '691.78' },
    });

    // A rerun books nothing: nothing changed.
    expect((await recognise('2026-01')).journalEntries).toEqual([]);
  });

  test('closing January: only a controller; afterwards nothing posts into January', async () => {
    const denied = await finance().gql(CLOSE_PERIOD, { le: 'US01', period: '2026-01' });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const notRun = (await controller().gql(CLOSE_PERIOD, { le: 'US01', period: '2026-02' })).data.closePeriod;
    expect(notRun).toEqual({ period: null, journalEntries: [], userErrors: [{ code: 'POLICY_RECOGNITION_NOT_RUN', message: expect.any(String), field: ['period'] }] });

    const closed = ok<any>(await controller().gql(CLOSE_PERIOD, { le: 'US01', period: '2026-01' }), 'closePeriod');
    expect(closed.period).toEqual({ period: '2026-01', status: 'CLOSED' });
    expect((await finance().gql(PERIODS, { le: 'US01' })).data.accountingPeriods).toEqual([{ period: '2026-01', status: 'CLOSED' }]);

    // Recognition refuses the closed period, and changes nothing.
    const refused = (await finance().gql(RUN_RECOGNITION, { le: 'US01', period: '2026-01' })).data.runRevenueRecognition;
    expect(refused).toEqual({ period: null, journalEntries: [], userErrors: [{ code: 'POLICY_PERIOD_CLOSED', message: expect.any(String), field: ['period'] }] });

    // A payment dated in January that arrives now books on the first day of February, and says so.
    await settlePayment(stack, paymentSettled({ paymentId: 'pay_acme_late', customerId: acme.customerId, invoiceId: null, amountMinor: '10000', receivedAt: '2026-01-28T09:00:00.000Z' }));
    await stack.settle();
    const feb = (await finance().gql(ENTRIES, { le: 'US01', period: '2026-02' })).data.journalEntries;
    expect(feb.map((e: any) => [e.entryDate, e.purpose, e.note, describeLines(e)])).toEqual([
      ['2026-02-01', 'PaymentSettled', 'Dated 2026-01-28 in closed period 2026-01; booked in 2026-02', ['Dr 1000 100.00', 'Cr 1100 100.00']],
    ]);
    expect(await trialBalance('2026-01-31')).toEqual(['1000 Dr 8100.00', '1100 Dr 0.00', '2400 Cr 691.78', '4000 Cr 2208.22', '4200 Cr 5200.00']);
    const [rows] = await stack.sql(`SELECT count(*)::int AS n FROM ledger.journal_entry WHERE entry_date <= '2026-01-31'`);
    expect(rows.n).toBe(3);

    // Billing's receivables say Acme holds a 100.00 credit from January 28; the GL has it in February.
    const [ar] = (await finance().gql(AR_RECONCILIATION, { le: 'US01', asOf: '2026-01-31' })).data.arReconciliation;
    expect(ar).toEqual({
      currency: 'USD', subledgerOpen: { amount: '-100.00' }, unappliedCredit: { amount: '100.00' }, glBalance: { amount: '0.00' }, difference: { amount: '100.00' },
      openInvoices: [],
      differences: [{ invoice: null, invoiceNumber: null, subledgerOpen: { amount: '-100.00' }, glBalance: { amount: '0.00' }, difference: { amount: '100.00' } }],
    });
    const [arFeb] = (await finance().gql(AR_RECONCILIATION, { le: 'US01', asOf: '2026-02-01' })).data.arReconciliation;
    expect([arFeb.glBalance.amount, arFeb.difference.amount, arFeb.differences]).toEqual(['-100.00', '0.00', []]);

    const trail = (await stack.as('auditor').gql(AUDIT, { type: 'AccountingPeriod', id: 'US01:2026-01' })).data.auditTrail;
    expect(trail).toEqual(expect.arrayContaining([
      expect.objectContaining({ actor: 'ctl-carl', action: 'closePeriod:close_period', decision: 'ALLOWED', correlationId: 'corr-close-jan' }),
      expect.objectContaining({ actor: 'fin-fay', action: 'runRevenueRecognition:open_period', decision: 'DENIED' }),
    ]));
  });

  test('February: invoice 2 with January usage to usage revenue; recognition 1,595.61 + 398.91 = 1,994.52', async () => {
    await postInvoice(stack, invoicePosted({
      invoiceId: 'inv_acme_2', number: 'INV-2026-000002', customerId: acme.customerId, contractId: acme.contractId, issueDate: '2026-02-01',
      lines: [invoiceLine('RECURRING', 'PLATFORM', '160000'), invoiceLine('RECURRING', 'SEAT', '50000'), invoiceLine('USAGE', 'API_CALLS', '50000')],
    }));
    await stack.settle();
    const run = await recognise('2026-02');
    expect(describeLines(run.journalEntries[0])).toEqual(['Dr 2400 1595.61', 'Cr 4000 1595.61', 'Dr 2400 398.91', 'Cr 4000 398.91']);
    expect(await trialBalance('2026-02-28')).toEqual([
      '1000 Dr 8200.00', '1100 Dr 2500.00', '2400 Cr 797.26', '4000 Cr 4202.74', '4100 Cr 500.00', '4200 Cr 5200.00',
    ]);
  });

  test('March: SEAT 10 -> 15 from 2026-03-16 is a new obligation of 2,379.03, 130.81 of it recognised in March', async () => {
    const amended = ok<any>(
      await stack.as('sales_manager').gql(AMEND_CONTRACT, {
        input: { contractId: acme.contractId, effectiveDate: '2026-03-16', changes: [{ productCode: 'SEAT', quantity: 15 }] },
        key: 'acme-seats-15',
      }),
      'amendContract',
    );
    expect(amended.contract.version).toBe(2);
    await postInvoice(stack, invoicePosted({
      invoiceId: 'inv_acme_3', number: 'INV-2026-000003', customerId: acme.customerId, contractId: acme.contractId, issueDate: '2026-03-16',
      lines: [invoiceLine('PRORATION', 'SEAT', '12903', { amendmentId: amended.amendment.id })],
    }));
    await stack.settle();
    const added = (await schedule()).obligations[3];
    expect(added).toMatchObject({ productCode: 'SEAT', pattern: 'RATABLE', serviceStart: '2026-03-16', serviceEnd: '2026-12-31', allocatedPrice: { amount: '2379.03', currency: 'USD' } });

    const run = await recognise('2026-03');
    expect(describeLines(run.journalEntries[0])).toEqual([
      'Dr 2400 1766.58', 'Cr 4000 1766.58',
      'Dr 2400 441.64', 'Cr 4000 441.64',
      'Dr 2400 130.81', 'Cr 4000 130.81',
    ]);
    const s = await schedule();
    expect(s.obligations.map((o: any) => o.recognizedToDate.amount)).toEqual(['5128.77', '1282.19', '5200.00', '130.81']);
  });

  test('reopening January needs a controller and a reason, and is on the audit trail', async () => {
    const noReason = (await controller().gql(REOPEN_PERIOD, { le: 'US01', period: '2026-01', reason: ' ' })).data.reopenPeriod;
    expect(noReason.userErrors).toEqual([{ code: 'POLICY_REASON_REQUIRED', message: expect.any(String), field: ['reason'] }]);
    const reopened = ok<any>(await controller().gql(REOPEN_PERIOD, { le: 'US01', period: '2026-01', reason: 'late vendor credit' }), 'reopenPeriod');
    expect(reopened.period).toEqual({ period: '2026-01', status: 'OPEN' });
    const [audit] = await stack.sql(
      `SELECT actor, reason, before, after FROM ops.audit_record WHERE action = 'reopenPeriod' AND entity_id = 'US01:2026-01' AND before IS NOT NULL`,
    );
    expect(audit).toEqual({ actor: 'ctl-carl', reason: 'late vendor credit', before: { status: 'CLOSED' }, after: { status: 'OPEN' } });
    // Recognition can run again for January: nothing changed, so nothing is booked.
    expect((await recognise('2026-01')).journalEntries).toEqual([]);
  });
});
