import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { EVENT_APPEND_LOCK } from '@rg/kit';
import { acmeQuoteInput, type TestStack } from '@rg/testkit';
import { encodeCursor } from '../src/subscriptions/cursor';

export const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

/** The cursor of the newest event: subscribing after it sees everything that happens next. */
export async function cursorNow(stack: TestStack): Promise<string> {
  const [{ head }] = await stack.sql<{ head: string }>(`SELECT COALESCE(max(position), 0)::text AS head FROM events.event_log`);
  return encodeCursor(head);
}

export interface Subscription<T = any> {
  results: Array<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
  /** The data of each result received so far. */
  readonly events: T[];
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  stop(): void;
}

/** A graphql-ws client from Node, as a dashboard or integration would use it. */
export function wsClient(url: string, token: string, on: { closed?: (event: unknown) => void } = {}): Client {
  return createClient({
    url: wsUrl(url),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    on: { closed: on.closed },
  });
}

export function subscribe<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}): Subscription<T> {
  const results: Subscription<T>['results'] = [];
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (r) => {
        results.push(r as Subscription<T>['results'][number]);
        wake?.();
      },
      error: (err) => {
        failure = err;
        wake?.();
      },
      complete: () => wake?.(),
    },
  );
  const sub: Subscription<T> = {
    results,
    get events() {
      return results.map((r) => r.data as T);
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (results.length < count) {
        if (failure) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} events, got ${results.length}: ${JSON.stringify(results.slice(-3))}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, Math.min(left, 250));
        });
      }
      return sub.events;
    },
    stop,
  };
  return sub;
}

/** Closes once the server closes it; resolves with the close code and reason. */
export function rawSocket(url: string): { socket: WebSocket; closed: Promise<{ code: number; reason: string }>; messages: any[] } {
  const socket = new WebSocket(wsUrl(url), 'graphql-transport-ws');
  const messages: any[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  return { socket, closed, messages };
}

/**
 * Catalog-shaped events appended the way the kit appends them (under its commit-order lock, with
 * a NOTIFY), for the cases that need many events quickly.
 */
export async function appendEvents(
  stack: TestStack,
  count: number,
  event: { type: string; aggregateType: string; payload: (i: number) => Record<string, unknown>; correlationId?: (i: number) => string },
): Promise<void> {
  const payloads = Array.from({ length: count }, (_, i) => event.payload(i));
  const correlations = Array.from({ length: count }, (_, i) => event.correlationId?.(i) ?? `test-${i}`);
  await stack.sql(
    `WITH lock AS (SELECT pg_advisory_xact_lock($1)),
          rows AS (SELECT p.payload, c.correlation_id, p.ord
                     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS p(payload, ord)
                     JOIN unnest($3::text[]) WITH ORDINALITY AS c(correlation_id, ord) USING (ord))
     INSERT INTO events.event_log (id, type, version, producer, aggregate_type, aggregate_id, correlation_id, occurred_at, payload)
     SELECT gen_random_uuid(), $4, 1, 'test', $5, COALESCE(payload->>'contractId', payload->>'paymentId', 'x'), correlation_id, now(), payload
       FROM rows, lock ORDER BY ord`,
    [EVENT_APPEND_LOCK, JSON.stringify(payloads), correlations, event.type, event.aggregateType],
  );
  await stack.sql(`SELECT pg_notify('event_log', 'test')`);
}

// ---------------------------------------------------------------- the worked example's mutations

const ok = <T>(res: { data?: T; errors?: unknown[] }, what: string): T => {
  if (res.errors || !res.data) throw new Error(`${what}: ${JSON.stringify(res.errors)}`);
  const payload = Object.values(res.data as Record<string, { userErrors?: unknown[] }>)[0];
  if (payload?.userErrors?.length) throw new Error(`${what}: ${JSON.stringify(payload.userErrors)}`);
  return res.data;
};

export async function createCustomer(stack: TestStack, name: string, partnerId?: string): Promise<string> {
  const data = ok(
    await stack.as('admin').gql<any>(
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } userErrors { code message } } }`,
      { input: { name, currency: 'USD', taxRegion: 'US-CA', legalEntityCode: 'US01', partnerId } },
    ),
    'createCustomer',
  );
  await stack.settle();
  return data.createCustomer.customer.id;
}

/** Steps 1-2: Acme's quote, approved by another sales manager, accepted into contract version 1. */
export async function acmeContract(stack: TestStack, customerId: string): Promise<{ id: string; number: string }> {
  const rep = stack.as('sales_rep', { sub: 'rep-ann' });
  const quote = ok(
    await rep.gql<any>(
      `mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } userErrors { code message } } }`,
      {
        input: acmeQuoteInput(customerId),
      },
    ),
    'createQuote',
  ).createQuote.quote;
  ok(await rep.gql(`mutation($id: ID!) { submitQuote(quoteId: $id) { userErrors { code message } } }`, { id: quote.id }), 'submitQuote');
  ok(
    await stack.as('sales_manager', { sub: 'manager-bob' }).gql(`mutation($id: ID!) { approveQuote(quoteId: $id) { userErrors { code message } } }`, { id: quote.id }),
    'approveQuote',
  );
  const contract = ok(
    await rep.gql<any>(`mutation($id: ID!) { acceptQuote(quoteId: $id) { contract { id number } userErrors { code message } } }`, { id: quote.id }),
    'acceptQuote',
  ).acceptQuote.contract;
  await stack.settle();
  return contract;
}

/** Step 11: SEAT 10 -> 15 from 2026-03-16. */
export async function amendSeats(stack: TestStack, contractId: string, seats = 15, effectiveDate = '2026-03-16'): Promise<string> {
  const data = ok(
    await stack.as('sales_manager').gql<any>(
      `mutation($input: AmendContractInput!) { amendContract(input: $input) { amendment { id } userErrors { code message } } }`,
      { input: { contractId, effectiveDate, changes: [{ productCode: 'SEAT', quantity: seats }] } },
    ),
    'amendContract',
  );
  return data.amendContract.amendment.id;
}

export async function runBilling(stack: TestStack, asOf: string): Promise<Array<{ id: string; number: string; total: { amount: string } }>> {
  const data = ok(
    await stack.as('billing_ops').gql<any>(`mutation($asOf: Date!) { runBilling(asOf: $asOf) { invoices { id number total { amount } } userErrors { code message } } }`, { asOf }),
    'runBilling',
  );
  await stack.settle();
  return data.runBilling.invoices;
}

/** Step 4: January's API calls, 250,000 over the included million. */
export async function recordJanuaryUsage(stack: TestStack, contractId: string): Promise<void> {
  const calls = [500_000, 500_000, 250_000];
  for (const [i, quantity] of calls.entries()) {
    ok(
      await stack.as('billing_ops').gql(
        `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { accepted userErrors { code message } } }`,
        { input: { contractId, productCode: 'API_CALLS', quantity, occurredAt: `2026-01-${10 + i}T12:00:00Z`, eventId: `usage-${contractId}-${i}` } },
      ),
      'recordUsage',
    );
  }
  await stack.settle();
}

export async function recordPayment(
  stack: TestStack,
  input: { customerId: string; invoiceId?: string; amount: string; status?: 'SETTLED' | 'FAILED'; failureReason?: string; externalId: string; receivedAt?: string },
): Promise<string> {
  const { amount, ...rest } = input;
  const data = ok(
    await stack.as('finance').gql<any>(
      `mutation($input: RecordPaymentInput!, $key: String!) { recordPayment(input: $input, idempotencyKey: $key) { payment { id } userErrors { code message } } }`,
      { input: { receivedAt: '2026-02-10T09:00:00Z', ...rest, amount: { amount, currency: 'USD' } }, key: input.externalId },
    ),
    'recordPayment',
  );
  return data.recordPayment.payment.id;
}
