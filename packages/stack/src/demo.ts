import { callerFor, type Caller } from './graphql-client';

/**
 * The demo data set, created through the public API as users would: customers, an approved and
 * accepted quote (the worked example's Acme), a EUR customer, a first billing run, usage and a
 * payment. Runs on first start only (when there are no customers yet).
 */
export async function seedDemoData(gatewayUrl: string, log: (line: string) => void = console.log): Promise<boolean> {
  const admin = await callerFor(gatewayUrl, 'admin', 'demo-admin');
  const existing = await admin(`{ customers(first: 1) { totalCount } }`);
  if (existing.customers.totalCount > 0) return false;

  const rep = await callerFor(gatewayUrl, 'sales_rep', 'demo-rep');
  const manager = await callerFor(gatewayUrl, 'sales_manager', 'demo-manager');
  const billingOps = await callerFor(gatewayUrl, 'billing_ops', 'demo-billing');

  const acme = await createCustomer(rep, { name: 'Acme Analytics', currency: 'USD', taxRegion: 'US-CA', legalEntityCode: 'US01' });
  const globex = await createCustomer(rep, { name: 'Globex GmbH', currency: 'EUR', taxRegion: 'DE', legalEntityCode: 'DE01' });
  await createCustomer(rep, { name: 'Initech', currency: 'USD', taxRegion: 'US-NY', legalEntityCode: 'US01' });
  await createCustomer(admin, { name: 'Umbrella Labs', currency: 'USD', taxRegion: 'US-WA', legalEntityCode: 'US01', partnerId: 'partner-1' });
  log(`  customers: Acme Analytics ${acme}, Globex GmbH ${globex}, Initech, Umbrella Labs (partner-1)`);

  const acmeContract = await quoteToContract(rep, manager, acme, [
    { productCode: 'PLATFORM', quantity: 1, discountPercent: '20' },
    { productCode: 'SEAT', quantity: 10 },
    { productCode: 'API_CALLS', quantity: 1 },
    { productCode: 'ONBOARDING', quantity: 1 },
  ]);
  const globexContract = await quoteToContract(rep, manager, globex, [
    { productCode: 'PLATFORM', quantity: 1, discountPercent: '5' },
    { productCode: 'SEAT', quantity: 25 },
  ]);
  log(`  contracts: ${acmeContract} (Acme, 2026-01-01 … 2026-12-31), ${globexContract} (Globex, EUR)`);

  const run = await billingOps(
    `mutation { runBilling(asOf: "2026-01-01") { invoices { number total { amount currency } } userErrors { code message } } }`,
  );
  const invoices = run.runBilling.invoices as Array<{ number: string; total: { amount: string; currency: string } }>;
  log(`  invoices: ${invoices.map((i) => `${i.number} ${i.total.amount} ${i.total.currency}`).join(', ')}`);
  return true;
}

async function createCustomer(call: Caller, input: Record<string, unknown>): Promise<string> {
  const data = await call(
    `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } userErrors { code message } } }`,
    { input },
  );
  const { customer, userErrors } = data.createCustomer;
  if (!customer) throw new Error(`createCustomer: ${JSON.stringify(userErrors)}`);
  return customer.id;
}

/** Quote → submit → approve (when needed) → accept; retries while the contract subgraph learns the customer. */
async function quoteToContract(rep: Caller, manager: Caller, customerId: string, lines: unknown[]): Promise<string> {
  const input = { customerId, startDate: '2026-01-01', termMonths: 12, billingFrequency: 'MONTHLY', lines };
  let quote: { id: string; requiredApproval: string } | null = null;
  for (let attempt = 0; attempt < 50 && !quote; attempt++) {
    const data = await rep(
      `mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id requiredApproval } userErrors { code message } } }`,
      { input },
    );
    quote = data.createQuote.quote;
    if (!quote) {
      if (data.createQuote.userErrors[0]?.code !== 'CUSTOMER_NOT_FOUND') throw new Error(JSON.stringify(data.createQuote.userErrors));
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  if (!quote) throw new Error('the contract subgraph did not learn the customer in time');
  const payloadErrors = (name: string, data: any) => {
    if (data[name].userErrors.length) throw new Error(`${name}: ${JSON.stringify(data[name].userErrors)}`);
  };
  if (quote.requiredApproval !== 'NONE') {
    payloadErrors('submitQuote', await rep(`mutation($id: ID!) { submitQuote(quoteId: $id) { userErrors { code message } } }`, { id: quote.id }));
    payloadErrors('approveQuote', await manager(`mutation($id: ID!) { approveQuote(quoteId: $id, comment: "Approved for the demo") { userErrors { code message } } }`, { id: quote.id }));
  }
  const accepted = await rep(`mutation($id: ID!) { acceptQuote(quoteId: $id) { contract { id } userErrors { code message } } }`, { id: quote.id });
  payloadErrors('acceptQuote', accepted);
  return accepted.acceptQuote.contract.id;
}
