import { startTestStack, type TestStack } from '@rg/testkit';
import { AMEND_CONTRACT, CANCEL_CONTRACT, COMPLETE_ONBOARDING, CONTRACT_AT, footprint, newContract, newCustomer } from './support';

/** Amendments, cancellation and onboarding: each rule a userError with code and field, nothing changed. */
describe('contract rules through the gateway', () => {
  let stack: TestStack;
  let customer: string;
  beforeAll(async () => {
    stack = await startTestStack({ services: ['customer', 'contract'] });
    customer = await newCustomer(stack);
  });
  afterAll(() => stack?.stop());

  async function rejected(run: () => Promise<any>, payloadField: string) {
    const before = await footprint(stack);
    const res = await run();
    expect(res.errors).toBeUndefined();
    expect(await footprint(stack)).toEqual(before);
    return res.data[payloadField];
  }

  const amend = (contractId: string, effectiveDate: string, changes: object[], key?: string) =>
    stack.as('sales_manager').gql(AMEND_CONTRACT, { input: { contractId, effectiveDate, changes }, key });

  test.each([
    ['before the start', { effectiveDate: '2025-12-31' }, 'EFFECTIVE_DATE_OUTSIDE_TERM', ['input', 'effectiveDate']],
    ['after the end', { effectiveDate: '2027-01-01' }, 'EFFECTIVE_DATE_OUTSIDE_TERM', ['input', 'effectiveDate']],
    ['not a date', { effectiveDate: '2026-04-31' }, 'INVALID_DATE', ['input', 'effectiveDate']],
    ['no changes', { changes: [] }, 'NO_CHANGES', ['input', 'changes']],
    ['an unknown product', { changes: [{ productCode: 'NOPE', quantity: 1 }] }, 'UNKNOWN_PRODUCT', ['input', 'changes', '0', 'productCode']],
    ['removing a product not on it', { changes: [{ productCode: 'ONBOARDING', quantity: 0 }] }, 'PRODUCT_NOT_ON_CONTRACT', ['input', 'changes', '0', 'productCode']],
    ['a negative quantity', { changes: [{ productCode: 'SEAT', quantity: -1 }] }, 'INVALID_QUANTITY', ['input', 'changes', '0', 'quantity']],
    ['the same quantity', { changes: [{ productCode: 'SEAT', quantity: 10 }] }, 'QUANTITY_UNCHANGED', ['input', 'changes', '0', 'quantity']],
    ['removing every product', { changes: [{ productCode: 'SEAT', quantity: 0 }, { productCode: 'PLATFORM', quantity: 0 }] }, 'CONTRACT_WOULD_BE_EMPTY', ['input', 'changes']],
    ['an unknown contract', { contractId: 'ctr_missing' }, 'CONTRACT_NOT_FOUND', ['input', 'contractId']],
  ])('amending with %s → %s', async (_label, override, code, field) => {
    const contract = await newContract(stack, customer, { lines: [{ productCode: 'PLATFORM', quantity: 1 }, { productCode: 'SEAT', quantity: 10 }] });
    const input = { contractId: contract.id, effectiveDate: '2026-03-16', changes: [{ productCode: 'SEAT', quantity: 15 }], ...override };
    const payload = await rejected(() => stack.as('sales_manager').gql(AMEND_CONTRACT, { input }), 'amendContract');
    expect(payload).toEqual({ contract: null, amendment: null, userErrors: [{ code, message: expect.any(String), field }] });
  });

  test('adding and removing products make versions 2 and 3; an earlier date than the latest amendment is refused', async () => {
    const contract = await newContract(stack, customer, { lines: [{ productCode: 'PLATFORM', quantity: 1 }, { productCode: 'SEAT', quantity: 10 }] });
    const added = await amend(contract.id, '2026-02-01', [{ productCode: 'API_CALLS', quantity: 1 }]);
    expect(added.data.amendContract.amendment).toMatchObject({ kind: 'ADD_PRODUCT', version: 2, changes: [{ productCode: 'API_CALLS', quantityBefore: 0, quantityAfter: 1 }] });
    expect(added.data.amendContract.contract.lines.map((l: any) => [l.product.code, l.netUnitPrice.amount])).toEqual([
      ['PLATFORM', '2000.00'],
      ['SEAT', '50.00'],
      ['API_CALLS', '0.002'],
    ]);
    const removed = await amend(contract.id, '2026-06-01', [{ productCode: 'SEAT', quantity: 0 }]);
    expect(removed.data.amendContract.amendment).toMatchObject({ kind: 'REMOVE_PRODUCT', version: 3, changes: [{ productCode: 'SEAT', quantityBefore: 10, quantityAfter: 0 }] });
    expect(removed.data.amendContract.contract.lines.map((l: any) => l.product.code)).toEqual(['PLATFORM', 'API_CALLS']);

    const early = await rejected(() => amend(contract.id, '2026-05-31', [{ productCode: 'PLATFORM', quantity: 2 }]), 'amendContract');
    expect(early.userErrors).toEqual([{ code: 'EFFECTIVE_DATE_BEFORE_LATEST_AMENDMENT', message: expect.any(String), field: ['input', 'effectiveDate'] }]);

    // Every version stays queryable as it was.
    const at = async (version: number) => (await stack.as('auditor').gql(CONTRACT_AT, { id: contract.id, version })).data.contract;
    const [v1, v2, v3] = [await at(1), await at(2), await at(3)];
    expect([v1, v2, v3].map((c) => c.lines.map((l: any) => `${l.product.code}×${l.quantity}`).join(' '))).toEqual([
      'PLATFORM×1 SEAT×10',
      'PLATFORM×1 SEAT×10 API_CALLS×1',
      'PLATFORM×1 API_CALLS×1',
    ]);
    expect([v1, v2, v3].map((c) => c.amendments.length)).toEqual([0, 1, 2]);
    expect(await at(4)).toBeNull();

    const events = await stack.sql(`SELECT payload FROM events.event_log WHERE type = 'ContractAmended' AND aggregate_id = $1 ORDER BY position`, [contract.id]);
    expect(events.map((e: any) => [e.payload.kind, e.payload.before.version, e.payload.after.version, e.payload.after.lines.length])).toEqual([
      ['ADD_PRODUCT', 1, 2, 3],
      ['REMOVE_PRODUCT', 2, 3, 2],
    ]);
  });

  test('an idempotency key reused with a different amendment → IDEMPOTENCY_KEY_REUSED', async () => {
    const contract = await newContract(stack, customer);
    const first = await amend(contract.id, '2026-03-01', [{ productCode: 'SEAT', quantity: 12 }], 'key-1');
    expect(first.data.amendContract.userErrors).toEqual([]);
    const payload = await rejected(() => amend(contract.id, '2026-03-01', [{ productCode: 'SEAT', quantity: 13 }], 'key-1'), 'amendContract');
    expect(payload.userErrors).toEqual([{ code: 'IDEMPOTENCY_KEY_REUSED', message: expect.any(String), field: ['idempotencyKey'] }]);
  });

  test('concurrent duplicates of one amendment have one effect', async () => {
    const contract = await newContract(stack, customer);
    const results = await Promise.all([1, 2, 3].map(() => amend(contract.id, '2026-04-01', [{ productCode: 'SEAT', quantity: 20 }], 'same-key')));
    const ids = new Set(results.map((r) => r.data.amendContract.amendment.id));
    expect(ids.size).toBe(1);
    const [{ n }] = await stack.sql(`SELECT count(*)::int AS n FROM contract.amendment WHERE contract_id = $1`, [contract.id]);
    expect(n).toBe(1);
  });

  test('cancellation: a reason and a date in the term; then version n+1 CANCELLED, an event, and no more changes', async () => {
    const contract = await newContract(stack, customer);
    const cancel = (date: string, reason: string) => stack.as('finance').gql(CANCEL_CONTRACT, { id: contract.id, date, reason });
    const noReason = await rejected(() => cancel('2026-07-01', ' '), 'cancelContract');
    expect(noReason.userErrors).toEqual([{ code: 'REASON_REQUIRED', message: expect.any(String), field: ['reason'] }]);
    const outside = await rejected(() => cancel('2027-02-01', 'moving on'), 'cancelContract');
    expect(outside.userErrors).toEqual([{ code: 'EFFECTIVE_DATE_OUTSIDE_TERM', message: expect.any(String), field: ['effectiveDate'] }]);

    const done = await cancel('2026-07-01', 'moving on');
    expect(done.data.cancelContract.userErrors).toEqual([]);
    expect(done.data.cancelContract.contract).toMatchObject({ status: 'CANCELLED', version: 2, cancelledFrom: '2026-07-01' });
    expect(done.data.cancelContract.amendment).toMatchObject({
      kind: 'CANCELLATION',
      effectiveDate: '2026-07-01',
      version: 2,
      reason: 'moving on',
      changes: expect.arrayContaining([{ productCode: 'SEAT', quantityBefore: 10, quantityAfter: 0 }]),
    });
    const [event] = await stack.sql(`SELECT payload FROM events.event_log WHERE type = 'ContractCancelled' AND aggregate_id = $1`, [contract.id]);
    expect(event.payload).toMatchObject({ contractId: contract.id, customerId: customer, effectiveDate: '2026-07-01', version: 2, reason: 'moving on' });
    expect(event.payload.before.version).toBe(1);
    expect(event.payload.before.lines).toHaveLength(4);
    const v1 = (await stack.as('auditor').gql(CONTRACT_AT, { id: contract.id, version: 1 })).data.contract;
    expect([v1.status, v1.cancelledFrom]).toEqual(['ACTIVE', null]);

    const amendAfter = await rejected(() => amend(contract.id, '2026-08-01', [{ productCode: 'SEAT', quantity: 11 }]), 'amendContract');
    expect(amendAfter.userErrors).toEqual([{ code: 'CONTRACT_CANCELLED', message: expect.any(String), field: ['input', 'effectiveDate'] }]);
    const again = await rejected(() => cancel('2026-08-01', 'twice'), 'cancelContract');
    expect(again.userErrors[0].code).toBe('CONTRACT_CANCELLED');
    const onboarding = await rejected(() => stack.as('cs_manager').gql(COMPLETE_ONBOARDING, { id: contract.id, on: '2026-02-01' }), 'completeOnboarding');
    expect(onboarding.userErrors[0].code).toBe('CONTRACT_CANCELLED');
  });

  test('completeOnboarding records the one-time delivery once and emits OnboardingCompleted', async () => {
    const contract = await newContract(stack, customer);
    const complete = (id: string, on: string) => stack.as('cs_manager').gql(COMPLETE_ONBOARDING, { id, on });
    const early = await rejected(() => complete(contract.id, '2025-12-20'), 'completeOnboarding');
    expect(early.userErrors).toEqual([{ code: 'COMPLETED_BEFORE_START', message: expect.any(String), field: ['completedOn'] }]);

    const done = await complete(contract.id, '2026-01-20');
    expect(done.data.completeOnboarding).toEqual({ contract: { id: contract.id, onboardingCompletedOn: '2026-01-20' }, userErrors: [] });
    const [event] = await stack.sql(`SELECT payload FROM events.event_log WHERE type = 'OnboardingCompleted' AND aggregate_id = $1`, [contract.id]);
    expect(event.payload).toEqual({
      contractId: contract.id,
      customerId: customer,
      legalEntityCode: 'US01',
      currency: 'USD',
      completedOn: '2026-01-20',
      productCodes: ['ONBOARDING'],
    });
    const twice = await rejected(() => complete(contract.id, '2026-01-21'), 'completeOnboarding');
    expect(twice.userErrors).toEqual([{ code: 'ONBOARDING_ALREADY_COMPLETED', message: expect.any(String), field: ['contractId'] }]);

    const noOnboarding = await newContract(stack, customer, { lines: [{ productCode: 'SEAT', quantity: 3 }] });
    const none = await rejected(() => complete(noOnboarding.id, '2026-01-20'), 'completeOnboarding');
    expect(none.userErrors).toEqual([{ code: 'NO_ONE_TIME_OBLIGATION', message: expect.any(String), field: ['contractId'] }]);

    const forbidden = await stack.as('sales_rep').gql(COMPLETE_ONBOARDING, { id: contract.id, on: '2026-01-20' });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('contract numbers run per start year', async () => {
    const a = await newContract(stack, customer, { startDate: '2027-03-01' });
    const b = await newContract(stack, customer, { startDate: '2027-04-01' });
    const [na, nb] = [a.number, b.number].map((n) => Number(n.slice(7)));
    expect(a.number).toMatch(/^C-2027-\d{6}$/);
    expect(nb).toBe(na + 1);
  });
});
