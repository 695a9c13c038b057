import { startTestStack, type TestStack } from '@rg/testkit';
import { acmeLines, activate, contractTerms } from './support';

const RECORD = `mutation($renewalId: ID!, $outcome: RenewalOutcome!, $newContractId: ID, $decidedOn: Date) {
  recordRenewalOutcome(renewalId: $renewalId, outcome: $outcome, newContractId: $newContractId, decidedOn: $decidedOn) {
    renewal { id status decidedOn probability forecastArr { amount } lostArr { amount } newContract { id } riskHistory { probability causedBy } }
    userErrors { code message field }
  }
}`;

describe('recording a renewal outcome', () => {
  let stack: TestStack;
  const ids: Record<string, string> = {};
  const old = contractTerms('cus_o_1', acmeLines());
  const successor = contractTerms('cus_o_1', acmeLines(20), { startDate: '2027-01-01', endDate: '2027-12-31' });
  const leaving = contractTerms('cus_o_2', acmeLines());
  const partnerOwned = contractTerms('cus_o_3', acmeLines(), { partnerId: 'partner-1', currency: 'CHF' });
  const otherPartner = contractTerms('cus_o_4', acmeLines(), { partnerId: 'partner-2', currency: 'CHF' });

  beforeAll(async () => {
    stack = await startTestStack({ services: ['renewal'] });
    for (const t of [old, successor, leaving, partnerOwned, otherPartner]) await activate(stack, t);
    await stack.settle();
    const rows = await stack.sql<{ id: string; contract_id: string }>(`SELECT id, contract_id FROM renewal.renewal`);
    for (const r of rows) ids[r.contract_id] = r.id;
  });
  afterAll(() => stack?.stop());

  const snapshot = async () => ({
    renewals: await stack.sql(`SELECT id, status, decided_on::text, new_contract_id, lost_arr_minor FROM renewal.renewal ORDER BY id`),
    history: (await stack.sql(`SELECT count(*)::int AS n FROM renewal.risk_assessment`))[0].n,
  });

  test('a cs_manager records a renewal into the new contract: certain, audited, kept in the history', async () => {
    const res = await stack.as('cs_manager').gql(RECORD, { renewalId: ids[old.contractId], outcome: 'RENEWED', newContractId: successor.contractId, decidedOn: '2026-11-20' });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordRenewalOutcome).toEqual({
      renewal: {
        id: ids[old.contractId],
        status: 'RENEWED',
        decidedOn: '2026-11-20',
        probability: '1.00',
        forecastArr: { amount: '25200.00' },
        lostArr: null,
        newContract: { id: successor.contractId },
        riskHistory: [
          { probability: '0.90', causedBy: 'ContractActivated' },
          { probability: '1.00', causedBy: 'RenewalOutcomeRecorded' },
        ],
      },
      userErrors: [],
    });
    const audit = await stack.sql(
      `SELECT actor, decision, before, after FROM ops.audit_record WHERE entity_id = $1 AND action = 'recordRenewalOutcome' ORDER BY at`,
      [ids[old.contractId]],
    );
    expect(audit).toEqual([
      expect.objectContaining({ actor: 'cs_manager-user', before: { status: 'OPEN', decidedOn: null, newContractId: null }, after: expect.objectContaining({ status: 'RENEWED', newContractId: successor.contractId }) }),
      expect.objectContaining({ actor: 'cs_manager-user', decision: 'ALLOWED', before: null }),
    ]);
  });

  test('an admin records a churn: the ARR is lost, the forecast is zero', async () => {
    const res = await stack.as('admin').gql(RECORD, { renewalId: ids[leaving.contractId], outcome: 'CHURNED', decidedOn: '2026-12-01' });
    expect(res.data.recordRenewalOutcome.renewal).toMatchObject({ status: 'CHURNED', lostArr: { amount: '25200.00' }, forecastArr: { amount: '0.00' }, probability: '0.00' });
  });

  test.each([
    ['an unknown renewal', () => ({ renewalId: 'ren_missing', outcome: 'CHURNED' }), 'RENEWAL_NOT_FOUND', ['renewalId']],
    ['a decided renewal', () => ({ renewalId: ids[old.contractId], outcome: 'CHURNED' }), 'RENEWAL_ALREADY_DECIDED', ['renewalId']],
    ['a renewal without its new contract', () => ({ renewalId: ids[partnerOwned.contractId], outcome: 'RENEWED' }), 'NEW_CONTRACT_REQUIRED', ['newContractId']],
    ['a new contract never activated', () => ({ renewalId: ids[partnerOwned.contractId], outcome: 'RENEWED', newContractId: 'ctr_unknown' }), 'NEW_CONTRACT_NOT_FOUND', ['newContractId']],
    ["another customer's contract", () => ({ renewalId: ids[partnerOwned.contractId], outcome: 'RENEWED', newContractId: successor.contractId }), 'NEW_CONTRACT_OTHER_CUSTOMER', ['newContractId']],
    ['a churn naming a new contract', () => ({ renewalId: ids[partnerOwned.contractId], outcome: 'CHURNED', newContractId: successor.contractId }), 'NEW_CONTRACT_NOT_ALLOWED', ['newContractId']],
    ['an impossible date', () => ({ renewalId: ids[partnerOwned.contractId], outcome: 'CHURNED', decidedOn: '2026-02-30' }), 'INVALID_DATE', ['decidedOn']],
  ])('%s is a userError and changes nothing', async (_, vars, code, field) => {
    const before = await snapshot();
    const res = await stack.as('cs_manager').gql(RECORD, vars());
    expect(res.data.recordRenewalOutcome).toEqual({ renewal: null, userErrors: [{ code, message: expect.any(String), field }] });
    expect(await snapshot()).toEqual(before);
    const [rejected] = await stack.sql(`SELECT decision, reason FROM ops.audit_record WHERE action = 'recordRenewalOutcome' ORDER BY at DESC LIMIT 1`);
    expect(rejected).toEqual({ decision: 'REJECTED', reason: expect.stringContaining(code) });
  });

  test('roles other than cs_manager and admin may not record outcomes', async () => {
    for (const role of ['sales_rep', 'finance', 'auditor'] as const) {
      const res = await stack.as(role).gql(RECORD, { renewalId: ids[partnerOwned.contractId], outcome: 'CHURNED' });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const [row] = await stack.sql(`SELECT status FROM renewal.renewal WHERE id = $1`, [ids[partnerOwned.contractId]]);
    expect(row.status).toBe('OPEN');
  });

  test('a partner sees only the renewals of its own customers', async () => {
    const partner = await stack.as('partner', { partnerId: 'partner-1' }).gql(
      `query($other: ID!) { renewals(from: "2027-01-01", to: "2027-01-01", currency: "CHF") { id } renewal(id: $other) { id } renewalForecast(from: "2027-01-01", to: "2027-01-01", currency: "CHF") { renewals currentArr { amount } } }`,
      { other: ids[otherPartner.contractId] },
    );
    expect(partner.errors).toBeUndefined();
    expect(partner.data).toEqual({
      renewals: [{ id: ids[partnerOwned.contractId] }],
      renewal: null,
      renewalForecast: { renewals: 1, currentArr: { amount: '25200.00' } },
    });
  });
});
