import { startTestStack, type TestStack } from '@rg/testkit';
import { AUDIT, CLOSE_PERIOD, DEAD_LETTERS, DISCARD, invoiceLine, invoicePosted, ok, postInvoice, RETRY, RUN_RECOGNITION } from './support';

/** The exception workbench, and the close that waits for it. */
describe('dead letters of the ledger consumer', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['ledger'] });
  });
  afterAll(() => stack?.stop());

  const ops = () => stack.as('billing_ops', { sub: 'ops-olga' });
  const controller = () => stack.as('controller');
  const invoice = (id: string, issueDate: string) =>
    invoicePosted({ invoiceId: id, number: id, customerId: 'cus_y', contractId: null, issueDate, lines: [invoiceLine('RECURRING', 'SEAT', '5000')] });
  const entriesOf = (invoiceId: string) => stack.sql(`SELECT id FROM ledger.journal_entry WHERE invoice_id = $1`, [invoiceId]);

  test('an event the ledger could not post blocks closing its period until it is retried', async () => {
    // A constraint an operator later fixes makes the posting fail on every attempt.
    await stack.sql(`ALTER TABLE ledger.journal_entry ADD CONSTRAINT no_stuck CHECK (description NOT LIKE '%STUCK%') NOT VALID`);
    const eventId = await postInvoice(stack, invoice('inv_STUCK', '2026-04-10'));
    await stack.settle();
    const letters = (await ops().gql(DEAD_LETTERS, {})).data.deadLetters;
    expect(letters).toEqual([
      { id: expect.any(String), service: 'ledger', eventId, eventType: 'InvoicePosted', attempts: 3, lastError: expect.stringContaining('no_stuck'), status: 'OPEN' },
    ]);

    ok(await stack.as('finance').gql(RUN_RECOGNITION, { le: 'US01', period: '2026-04' }), 'runRevenueRecognition');
    const blocked = (await controller().gql(CLOSE_PERIOD, { le: 'US01', period: '2026-04' })).data.closePeriod;
    expect(blocked.userErrors).toEqual([{ code: 'POLICY_OPEN_DEAD_LETTERS', message: expect.stringContaining('1 event'), field: ['period'] }]);

    await stack.sql(`ALTER TABLE ledger.journal_entry DROP CONSTRAINT no_stuck`);
    const retried = await ops().gql(RETRY, { id: letters[0].id });
    expect(retried.data).toEqual({ retryDeadLetter: true });
    expect(await entriesOf('inv_STUCK')).toHaveLength(1);
    expect((await ops().gql(DEAD_LETTERS, {})).data.deadLetters).toEqual([]);

    const closed = ok<any>(await controller().gql(CLOSE_PERIOD, { le: 'US01', period: '2026-04' }), 'closePeriod');
    expect(closed.period.status).toBe('CLOSED');
  });

  test('a retry that fails again reports false; a discard needs a reason and is audited', async () => {
    const broken = { ...invoice('inv_broken', '2026-05-03'), totalMinor: '1' }; // total is not lines + tax
    await postInvoice(stack, broken);
    await stack.settle();
    const [letter] = (await ops().gql(DEAD_LETTERS, {})).data.deadLetters;
    expect(letter).toMatchObject({ eventType: 'InvoicePosted', attempts: 1, lastError: expect.stringContaining('does not balance') });

    expect((await ops().gql(RETRY, { id: letter.id })).data).toEqual({ retryDeadLetter: false });
    expect(await entriesOf('inv_broken')).toEqual([]);

    const noReason = await ops().gql(DISCARD, { id: letter.id, reason: '' });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REASON_REQUIRED' });
    expect((await ops().gql(DISCARD, { id: letter.id, reason: 'billing reissues it as INV-7' })).data).toEqual({ discardDeadLetter: true });
    expect((await ops().gql(DEAD_LETTERS, {})).data.deadLetters).toEqual([]);
    const all = (await ops().gql(DEAD_LETTERS, { all: true })).data.deadLetters;
    expect(all.find((d: any) => d.id === letter.id).status).toBe('DISCARDED');

    const trail = (await stack.as('auditor').gql(AUDIT, { type: 'DeadLetter', id: letter.id })).data.auditTrail;
    expect(trail.map((a: any) => [a.actor, a.action, a.decision])).toEqual([
      ['ops-olga', 'retryDeadLetter', null],
      ['ops-olga', 'retryDeadLetter', 'ALLOWED'],
      ['ops-olga', 'discardDeadLetter', 'REJECTED'],
      ['ops-olga', 'discardDeadLetter', null],
      ['ops-olga', 'discardDeadLetter', 'ALLOWED'],
    ]);
  });

  test('the workbench is closed to roles without it', async () => {
    const res = await stack.as('sales_rep').gql(DEAD_LETTERS, {});
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
