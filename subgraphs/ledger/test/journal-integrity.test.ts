import { Client } from 'pg';
import { startTestStack, type TestStack } from '@rg/testkit';
import { acmeTerms } from './domain/acme';
import { appendEvent, describeTrialBalance, ok, RUN_RECOGNITION, invoiceLine, invoicePosted, paymentSettled, postInvoice, settlePayment, TRIAL_BALANCE } from './support';

const ENTRIES_OF_INVOICE = `SELECT e.id, e.purpose, e.reversal_of, e.entry_date::text AS date FROM ledger.journal_entry e WHERE e.invoice_id = $1 ORDER BY e.seq`;

describe('the journal as system of record', () => {
  let stack: TestStack;
  let ledgerDb: Client;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['ledger'] });
    ledgerDb = new Client({ connectionString: stack.serviceUrl('ledger') });
    await ledgerDb.connect();
    await ledgerDb.query('SET search_path = ledger');
  });
  afterAll(async () => {
    await ledgerDb?.end();
    await stack?.stop();
  });

  const inv = (id: string, issueDate: string, amount = '100000') =>
    invoicePosted({ invoiceId: id, number: id.toUpperCase(), customerId: 'cus_x', contractId: null, issueDate, lines: [invoiceLine('RECURRING', 'PLATFORM', amount, { taxMinor: '8875' })] });

  test('entries cannot be changed or deleted, not even by the ledger role', async () => {
    await postInvoice(stack, inv('inv_imm', '2026-04-02'));
    await stack.settle();
    const [entry] = await stack.sql(ENTRIES_OF_INVOICE, ['inv_imm']);
    await expect(ledgerDb.query(`UPDATE journal_line SET credit = credit + 1 WHERE entry_id = $1`, [entry.id])).rejects.toThrow(/immutable/);
    await expect(ledgerDb.query(`UPDATE journal_entry SET description = 'edited' WHERE id = $1`, [entry.id])).rejects.toThrow(/immutable/);
    await expect(ledgerDb.query(`DELETE FROM journal_line WHERE entry_id = $1`, [entry.id])).rejects.toThrow(/immutable/);
    await expect(ledgerDb.query(`DELETE FROM journal_entry WHERE id = $1`, [entry.id])).rejects.toThrow(/immutable/);
    await expect(ledgerDb.query(`TRUNCATE journal_line`)).rejects.toThrow(/immutable/);
    const lines = await stack.sql(`SELECT account_code, debit::text, credit::text FROM ledger.journal_line WHERE entry_id = $1 ORDER BY line_no`, [entry.id]);
    expect(lines).toEqual([
      { account_code: '1100', debit: '108875', credit: '0' },
      { account_code: '2400', debit: '0', credit: '100000' },
      { account_code: '2100', debit: '0', credit: '8875' },
    ]);
  });

  test('the database refuses at commit an entry that does not balance per currency, or has no lines', async () => {
    const attempt = async (lines: Array<[string, string, number, number]>) => {
      await ledgerDb.query('BEGIN');
      try {
        await ledgerDb.query(
          `INSERT INTO journal_entry (id, legal_entity_code, entry_date, description, purpose) VALUES ('jen_bad', 'US01', '2026-04-03', 'bad', 'Manual')`,
        );
        for (const [i, [account, currency, debit, credit]] of lines.entries()) {
          await ledgerDb.query(
            `INSERT INTO journal_line (entry_id, line_no, legal_entity_code, account_code, currency, debit, credit) VALUES ('jen_bad', $1, 'US01', $2, $3, $4, $5)`,
            [i + 1, account, currency, debit, credit],
          );
        }
        await ledgerDb.query('COMMIT');
      } catch (err) {
        await ledgerDb.query('ROLLBACK');
        throw err;
      }
    };
    await expect(attempt([['1000', 'USD', 100, 0], ['4000', 'USD', 0, 99]])).rejects.toThrow(/does not balance in USD/);
    // Balanced in total but not per currency.
    await expect(attempt([['1000', 'USD', 100, 0], ['4000', 'EUR', 0, 100]])).rejects.toThrow(/does not balance/);
    await expect(attempt([])).rejects.toThrow(/has no lines/);
    expect(await stack.sql(`SELECT id FROM ledger.journal_entry WHERE id = 'jen_bad'`)).toEqual([]);
  });

  test('posting is idempotent per source event; the same invoice reported twice posts once', async () => {
    const payload = inv('inv_twice', '2026-04-05');
    const first = await postInvoice(stack, payload);
    await postInvoice(stack, payload); // the same invoice under another event id
    await stack.settle();
    const entries = await stack.sql(ENTRIES_OF_INVOICE, ['inv_twice']);
    expect(entries).toHaveLength(1);
    const [{ source_event_id }] = await stack.sql(`SELECT source_event_id FROM ledger.journal_entry WHERE id = $1`, [entries[0].id]);
    expect(source_event_id).toBe(first);
    await expect(
      ledgerDb.query(
        `INSERT INTO journal_entry (id, legal_entity_code, entry_date, description, purpose, source_event_id) VALUES ('jen_dup', 'US01', '2026-04-05', 'dup', 'InvoicePosted', $1)`,
        [first],
      ),
    ).rejects.toThrow(/duplicate key/);
  });

  test('a voided invoice is corrected by a reversal entry, never an edit', async () => {
    await postInvoice(stack, inv('inv_void', '2026-04-06'));
    await appendEvent(stack, {
      type: 'InvoiceVoided',
      aggregateType: 'Invoice',
      aggregateId: 'inv_void',
      payload: { invoiceId: 'inv_void', number: 'INV_VOID', customerId: 'cus_x', contractId: null, legalEntityCode: 'US01', currency: 'USD', voidedOn: '2026-04-08', reason: 'wrong customer', totalMinor: '108875' },
    });
    await stack.settle();
    const [posted, reversal] = await stack.sql(ENTRIES_OF_INVOICE, ['inv_void']);
    expect(reversal).toMatchObject({ purpose: 'InvoiceVoided', reversal_of: posted.id, date: '2026-04-08' });
    const net = await stack.sql(
      `SELECT account_code, sum(debit - credit)::text AS net FROM ledger.journal_line l JOIN ledger.journal_entry e ON e.id = l.entry_id
        WHERE e.invoice_id = 'inv_void' GROUP BY account_code ORDER BY account_code`,
    );
    expect(net).toEqual([{ account_code: '1100', net: '0' }, { account_code: '2100', net: '0' }, { account_code: '2400', net: '0' }]);
  });

  test('DE01 books in EUR, and every account of every entity sums to zero', async () => {
    await postInvoice(stack, invoicePosted({
      invoiceId: 'inv_de', number: 'RE-1', customerId: 'cus_de', contractId: null, issueDate: '2026-04-01', legalEntityCode: 'DE01', currency: 'EUR',
      lines: [invoiceLine('RECURRING', 'PLATFORM', '180000', { taxMinor: '34200' }), invoiceLine('USAGE', 'API_CALLS', '45000', { taxMinor: '8550' })],
    }));
    await settlePayment(stack, paymentSettled({ paymentId: 'pay_de', customerId: 'cus_de', invoiceId: 'inv_de', amountMinor: '300000', appliedMinor: '267750', receivedAt: '2026-04-20T00:00:00Z', legalEntityCode: 'DE01', currency: 'EUR' }));
    await stack.settle();
    const de = (await stack.as('auditor').gql(TRIAL_BALANCE, { le: 'DE01', asOf: '2026-04-30' })).data.trialBalance;
    expect(de.every((r: any) => r.debit.currency === 'EUR')).toBe(true);
    expect(describeTrialBalance(de)).toEqual(['1000 Dr 3000.00', '1100 Cr 322.50', '2100 Cr 427.50', '2400 Cr 1800.00', '4100 Cr 450.00']);
    const sums = await stack.sql(`SELECT legal_entity_code, currency, sum(debit - credit)::text AS net FROM ledger.journal_line GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(sums).toEqual([
      { legal_entity_code: 'DE01', currency: 'EUR', net: '0' },
      { legal_entity_code: 'US01', currency: 'USD', net: '0' },
    ]);
  });

  test('concurrent recognition runs book each obligation once', async () => {
    const contract = { ...acmeTerms, contractId: 'ctr_conc', number: 'C-CONC', quoteId: 'quo_x', activatedAt: '2026-01-01T00:00:00Z' };
    await appendEvent(stack, { type: 'ContractActivated', aggregateType: 'Contract', aggregateId: 'ctr_conc', payload: contract, producer: 'contract' });
    await appendEvent(stack, {
      type: 'OnboardingCompleted', aggregateType: 'Contract', aggregateId: 'ctr_conc', producer: 'contract',
      payload: { contractId: 'ctr_conc', customerId: 'cus_acme', legalEntityCode: 'US01', currency: 'USD', completedOn: '2026-02-10', productCodes: ['ONBOARDING'] },
    });
    await stack.settle();
    const runs = await Promise.all([1, 2, 3].map(() => stack.as('finance').gql(RUN_RECOGNITION, { le: 'US01', period: '2026-04' })));
    const entries = runs.flatMap((r) => ok<any>(r, 'runRevenueRecognition').journalEntries);
    expect(entries).toHaveLength(1);
    // PLATFORM round(20,800.00 × 120/365) + SEAT round(5,200.00 × 120/365) + ONBOARDING 5,200.00
    const [{ revenue }] = await stack.sql(
      `SELECT sum(credit - debit)::text AS revenue FROM ledger.journal_line WHERE obligation_id LIKE 'ctr_conc:%' AND account_code IN ('4000', '4200')`,
    );
    expect(revenue).toBe(String(683836 + 170959 + 520000));
  });
});
