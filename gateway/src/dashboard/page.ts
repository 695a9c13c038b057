/**
 * The live revenue dashboard: one self-contained page (no external scripts, styles or fonts).
 * Its script speaks the graphql-transport-ws protocol over the browser's WebSocket, holds one
 * amendment and one payment subscription, resumes after a drop from the last cursor it saw, and
 * keeps running counters.
 */
export const AMENDMENT_SUBSCRIPTION = /* GraphQL */ `subscription DashboardAmendments($after: String) {
  amendmentEvents(after: $after) {
    cursor type occurredAt
    contract { id number customer { id name } }
    amendment { kind effectiveDate changes { productCode quantityBefore quantityAfter } }
  }
}`;

export const PAYMENT_SUBSCRIPTION = /* GraphQL */ `subscription DashboardPayments($after: String) {
  paymentEvents(after: $after) {
    cursor type occurredAt
    customer { id name }
    payment { id amount { amount currency } failureReason }
    invoice { number contract { number } }
  }
}`;

const script = (devTokenAvailable: boolean) => `
const AMENDMENTS = ${JSON.stringify(AMENDMENT_SUBSCRIPTION)};
const PAYMENTS = ${JSON.stringify(PAYMENT_SUBSCRIPTION)};
const DEV_TOKEN = ${devTokenAvailable};
const $ = (id) => document.getElementById(id);
const counters = { amendments: 0, settled: 0, failed: 0, errors: 0 };
const cursors = { amendments: null, payments: null };
let socket = null;
let token = sessionStorage.getItem('rg-token') || '';
let retry = null;

function status(text, kind) { const s = $('status'); s.textContent = text; s.dataset.kind = kind || ''; }
function count(name) { counters[name] += 1; $('count-' + name).textContent = String(counters[name]); }

function addRow(cells, kind) {
  const row = document.createElement('tr');
  row.className = 'event ' + kind;
  for (const text of cells) { const td = document.createElement('td'); td.textContent = text == null ? '' : String(text); row.appendChild(td); }
  const feed = $('feed');
  feed.insertBefore(row, feed.firstChild);
  while (feed.children.length > 200) feed.removeChild(feed.lastChild);
}

function time(iso) { try { return new Date(iso).toLocaleTimeString(); } catch { return iso; } }

function onAmendment(payload) {
  const e = payload.data && payload.data.amendmentEvents;
  if (!e) { count('errors'); addRow(['', 'AMENDMENT', '', '', '', (payload.errors || []).map((x) => x.message).join('; ')], 'error'); return; }
  cursors.amendments = e.cursor;
  count('amendments');
  const changes = e.amendment ? e.amendment.changes.map((c) => c.productCode + ' ' + c.quantityBefore + '\\u2192' + c.quantityAfter).join(', ') : '';
  addRow([time(e.occurredAt), e.type, e.contract.customer.name, e.contract.number, '', changes], 'amendment');
}

function onPayment(payload) {
  const e = payload.data && payload.data.paymentEvents;
  if (!e) { count('errors'); addRow(['', 'PAYMENT', '', '', '', (payload.errors || []).map((x) => x.message).join('; ')], 'error'); return; }
  cursors.payments = e.cursor;
  count(e.type === 'FAILED' ? 'failed' : 'settled');
  const contract = e.invoice && e.invoice.contract ? e.invoice.contract.number : '';
  addRow([time(e.occurredAt), 'PAYMENT ' + e.type, e.customer.name, contract, e.payment.amount.amount + ' ' + e.payment.amount.currency,
    e.payment.failureReason || (e.invoice ? 'invoice ' + e.invoice.number : '')], e.type === 'FAILED' ? 'failed' : 'settled');
}

function connect() {
  if (retry) { clearTimeout(retry); retry = null; }
  if (socket) { socket.onclose = null; socket.close(1000, 'Reconnecting'); }
  if (!token) { status('Paste a token to connect', 'idle'); return; }
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';
  const ws = new WebSocket(url, 'graphql-transport-ws');
  socket = ws;
  status('Connecting\\u2026', 'idle');
  ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer ' + token } }));
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.type === 'connection_ack') {
      status('Live', 'live');
      ws.send(JSON.stringify({ id: 'amendments', type: 'subscribe', payload: { query: AMENDMENTS, variables: { after: cursors.amendments } } }));
      ws.send(JSON.stringify({ id: 'payments', type: 'subscribe', payload: { query: PAYMENTS, variables: { after: cursors.payments } } }));
    } else if (msg.type === 'next') {
      (msg.id === 'amendments' ? onAmendment : onPayment)(msg.payload);
    } else if (msg.type === 'error') {
      count('errors');
      status('Subscription error: ' + msg.payload.map((x) => x.message).join('; '), 'error');
    } else if (msg.type === 'ping') {
      ws.send(JSON.stringify({ type: 'pong' }));
    }
  };
  ws.onclose = (e) => {
    if (socket !== ws) return;
    if (e.code === 4403) { status('Forbidden: ' + (e.reason || 'check the token') + '. Paste a valid token.', 'error'); return; }
    status('Disconnected (' + e.code + (e.reason ? ' ' + e.reason : '') + '); resuming\\u2026', 'error');
    retry = setTimeout(connect, 2000);
  };
}

$('token-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  token = $('token').value.trim();
  sessionStorage.setItem('rg-token', token);
  connect();
});

async function start() {
  if (!token && DEV_TOKEN) {
    try {
      const res = await fetch('/dashboard/dev-token');
      if (res.ok) token = (await res.json()).token;
    } catch { /* stays on the token field */ }
  }
  $('token').value = token;
  connect();
}
start();
`;

export function dashboardPage(opts: { devTokenAvailable: boolean }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Revenue Graph · live</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f6f7f9; }
  header { display: flex; gap: 1rem; align-items: center; padding: .8rem 1.2rem; background: #1d2330; color: #fff; }
  header h1 { font-size: 1.1rem; margin: 0; flex: 1; }
  #status[data-kind=live] { color: #7ee2a8; } #status[data-kind=error] { color: #ff9f9f; }
  form { display: flex; gap: .4rem; } input { width: 22rem; font: inherit; }
  .counters { display: flex; gap: 1rem; padding: 1rem 1.2rem; }
  .counter { background: #fff; border-radius: 6px; padding: .6rem 1rem; box-shadow: 0 1px 2px #0002; min-width: 8rem; }
  .counter b { display: block; font-size: 1.6rem; }
  table { border-collapse: collapse; margin: 0 1.2rem 2rem; width: calc(100% - 2.4rem); background: #fff; }
  th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #e3e6ea; }
  tr.failed td:nth-child(2), tr.error td { color: #b3261e; } tr.settled td:nth-child(2) { color: #1b7f45; }
</style>
</head>
<body>
<header>
  <h1>Revenue Graph · live events</h1>
  <span id="status" data-kind="idle">Starting…</span>
  <form id="token-form"><input id="token" type="password" placeholder="Bearer token" autocomplete="off"><button type="submit">Connect</button></form>
</header>
<section class="counters">
  <div class="counter">Amendments<b id="count-amendments">0</b></div>
  <div class="counter">Payments settled<b id="count-settled">0</b></div>
  <div class="counter">Payments failed<b id="count-failed">0</b></div>
  <div class="counter">Unresolved<b id="count-errors">0</b></div>
</section>
<table>
  <thead><tr><th>Time</th><th>Type</th><th>Customer</th><th>Contract</th><th>Amount</th><th>Detail</th></tr></thead>
  <tbody id="feed"></tbody>
</table>
<script>${script(opts.devTokenAvailable)}</script>
</body>
</html>`;
}
