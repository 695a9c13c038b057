import { randomUUID } from 'node:crypto';
import type { ContractActivatedV1, ContractTermLine, ContractTerms, EventCatalog } from '@rg/kit';
import { ACME_TERMS, type TestStack } from '@rg/testkit';

/** Appends a catalog event to the log as its producer would, and returns its id. */
export async function publish<T extends keyof EventCatalog>(
  stack: TestStack,
  type: T,
  aggregate: { type: string; id: string },
  payload: EventCatalog[T],
  occurredAt = new Date(),
): Promise<string> {
  const id = randomUUID();
  await stack.sql(
    `INSERT INTO events.event_log (id, type, version, producer, aggregate_type, aggregate_id, correlation_id, occurred_at, payload)
     VALUES ($1, $2, 1, 'test', $3, $4, $5, $6, $7)`,
    [id, type, aggregate.type, aggregate.id, randomUUID(), occurredAt, JSON.stringify(payload)],
  );
  return id;
}

const line = (productCode: string, productName: string, chargeModel: ContractTermLine['chargeModel'], quantity: number, netMicros: string, listMicros = netMicros): ContractTermLine => ({
  productCode,
  productName,
  chargeModel,
  quantity,
  discountPercent: '0',
  listUnitPriceMicros: listMicros,
  netUnitPriceMicros: netMicros,
  sspUnitPriceMicros: listMicros,
  includedUnits: chargeModel === 'TIERED_USAGE' ? 1_000_000 : null,
});

/** Acme's contract from the worked example: PLATFORM at 20% off, 10 seats, API calls, onboarding. */
export const acmeLines = (seats = 10): ContractTermLine[] => [
  { ...line('PLATFORM', 'Platform subscription', 'FLAT', 1, '1600000000', '2000000000'), discountPercent: '20' },
  line('SEAT', 'Seat', 'PER_UNIT', seats, '50000000'),
  line('API_CALLS', 'API calls', 'TIERED_USAGE', 1, '2000'),
  line('ONBOARDING', 'Onboarding services', 'ONE_TIME', 1, '6000000000'),
];

/** A contract of `seats` seats at a monthly price per seat. */
export const seatLines = (seats: number, monthlyMicros: string): ContractTermLine[] => [line('SEAT', 'Seat', 'PER_UNIT', seats, monthlyMicros)];

let contractSeq = 0;

export function contractTerms(customerId: string, lines: ContractTermLine[], over: Partial<ContractTerms> = {}): ContractTerms {
  contractSeq += 1;
  return {
    contractId: `ctr_test${contractSeq}_${randomUUID().slice(0, 8)}`,
    number: `C-2026-${String(contractSeq).padStart(6, '0')}`,
    customerId,
    ...ACME_TERMS,
    lines,
    ...over,
  };
}

export async function activate(stack: TestStack, terms: ContractTerms): Promise<void> {
  const payload: ContractActivatedV1 = { ...terms, quoteId: `quo_${terms.contractId}`, activatedAt: `${terms.startDate}T00:00:00.000Z` };
  await publish(stack, 'ContractActivated', { type: 'Contract', id: terms.contractId }, payload);
}

/** Amends quantities (0 removes the product) and publishes ContractAmended; returns the new terms. */
export async function amend(
  stack: TestStack,
  before: ContractTerms,
  effectiveDate: string,
  quantities: Record<string, number>,
): Promise<ContractTerms> {
  const after: ContractTerms = {
    ...before,
    version: before.version + 1,
    lines: before.lines.filter((l) => quantities[l.productCode] !== 0).map((l) => ({ ...l, quantity: quantities[l.productCode] ?? l.quantity })),
  };
  const changes = Object.entries(quantities).map(([productCode, quantityAfter]) => ({
    productCode,
    quantityBefore: before.lines.find((l) => l.productCode === productCode)?.quantity ?? 0,
    quantityAfter,
  }));
  const kind = Object.values(quantities).some((q) => q === 0) ? 'REMOVE_PRODUCT' : 'QUANTITY_CHANGE';
  await publish(stack, 'ContractAmended', { type: 'Contract', id: before.contractId }, {
    contractId: before.contractId,
    customerId: before.customerId,
    amendmentId: `amd_${randomUUID().replace(/-/g, '')}`,
    kind,
    effectiveDate,
    version: after.version,
    changes,
    before,
    after,
  });
  return after;
}

export async function cancel(stack: TestStack, terms: ContractTerms, effectiveDate: string, reason = 'Customer left'): Promise<void> {
  await publish(stack, 'ContractCancelled', { type: 'Contract', id: terms.contractId }, {
    contractId: terms.contractId,
    customerId: terms.customerId,
    amendmentId: `amd_${randomUUID().replace(/-/g, '')}`,
    effectiveDate,
    version: terms.version + 1,
    reason,
    before: terms,
  });
}

export async function postInvoice(
  stack: TestStack,
  terms: ContractTerms,
  inv: { id: string; number: string; issueDate: string; dueDate: string; totalMinor: string },
): Promise<void> {
  await publish(stack, 'InvoicePosted', { type: 'Invoice', id: inv.id }, {
    invoiceId: inv.id,
    number: inv.number,
    customerId: terms.customerId,
    contractId: terms.contractId,
    legalEntityCode: 'US01',
    currency: terms.currency,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    subtotalMinor: inv.totalMinor,
    taxMinor: '0',
    totalMinor: inv.totalMinor,
    creditAppliedMinor: '0',
    lines: [],
  });
}

export async function failPayment(stack: TestStack, terms: ContractTerms, invoiceId: string, on: string, amountMinor: string, reason = 'card_declined') {
  const paymentId = `pay_${randomUUID().replace(/-/g, '')}`;
  await publish(stack, 'PaymentFailed', { type: 'Payment', id: paymentId }, {
    paymentId,
    customerId: terms.customerId,
    invoiceId,
    legalEntityCode: 'US01',
    currency: terms.currency,
    amountMinor,
    receivedAt: `${on}T10:00:00.000Z`,
    failureReason: reason,
  });
}

export async function settlePayment(stack: TestStack, terms: ContractTerms, invoiceId: string, on: string, amountMinor: string) {
  const paymentId = `pay_${randomUUID().replace(/-/g, '')}`;
  await publish(stack, 'PaymentSettled', { type: 'Payment', id: paymentId }, {
    paymentId,
    customerId: terms.customerId,
    invoiceId,
    legalEntityCode: 'US01',
    currency: terms.currency,
    amountMinor,
    receivedAt: `${on}T10:00:00.000Z`,
    applications: [{ invoiceId, amountMinor }],
    unappliedMinor: '0',
  });
}

export const RENEWAL_FIELDS = `id renewalDate status riskScore riskLevel riskReasons probability scoredAsOf
  currentArr { amount currency } forecastArr { amount currency } lostArr { amount } contract { id } customer { id }`;
