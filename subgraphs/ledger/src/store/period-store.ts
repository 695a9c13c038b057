import type { EntityManager } from 'typeorm';

/**
 * Everything that books into a legal entity's periods, and closing or reopening them, takes this
 * lock first, so a close and a posting into the period it closes cannot interleave.
 */
export async function lockLegalEntityBooks(m: EntityManager, legalEntityCode: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('ledger-books:' || $1))`, [legalEntityCode]);
}

export async function closedPeriods(m: EntityManager, legalEntityCode: string): Promise<Set<string>> {
  const rows = await m.query(
    `SELECT period FROM accounting_period WHERE legal_entity_code = $1 AND status = 'CLOSED'`,
    [legalEntityCode],
  );
  return new Set(rows.map((r: { period: string }) => r.period));
}

export async function periodStatus(m: EntityManager, legalEntityCode: string, period: string): Promise<'OPEN' | 'CLOSED'> {
  const [row] = await m.query(`SELECT status FROM accounting_period WHERE legal_entity_code = $1 AND period = $2`, [
    legalEntityCode,
    period,
  ]);
  return row?.status ?? 'OPEN';
}

/** Periods with entries or recognition runs that are not closed, before `period`. */
export async function openUsedPeriodsBefore(m: EntityManager, legalEntityCode: string, period: string): Promise<string[]> {
  const rows = await m.query(
    `SELECT DISTINCT p FROM (
        SELECT to_char(entry_date, 'YYYY-MM') AS p FROM journal_entry WHERE legal_entity_code = $1
        UNION SELECT period FROM recognition_run WHERE legal_entity_code = $1
     ) used
     WHERE p < $2
       AND NOT EXISTS (SELECT 1 FROM accounting_period ap
                        WHERE ap.legal_entity_code = $1 AND ap.period = used.p AND ap.status = 'CLOSED')
     ORDER BY p`,
    [legalEntityCode, period],
  );
  return rows.map((r: { p: string }) => r.p);
}

export async function recognitionRan(m: EntityManager, legalEntityCode: string, period: string): Promise<boolean> {
  const rows = await m.query(`SELECT 1 FROM recognition_run WHERE legal_entity_code = $1 AND period = $2 LIMIT 1`, [
    legalEntityCode,
    period,
  ]);
  return rows.length > 0;
}

export async function laterClosedPeriods(m: EntityManager, legalEntityCode: string, period: string): Promise<number> {
  const [row] = await m.query(
    `SELECT count(*)::int AS n FROM accounting_period WHERE legal_entity_code = $1 AND period > $2 AND status = 'CLOSED'`,
    [legalEntityCode, period],
  );
  return row.n;
}

/** The business date an event is about, as the ledger books it (SQL over an event_log row `e`). */
export const EVENT_BUSINESS_DATE_SQL = `COALESCE(
  (e.payload->>'issueDate')::date,
  (e.payload->>'voidedOn')::date,
  ((e.payload->>'receivedAt')::timestamptz AT TIME ZONE 'UTC')::date,
  (e.payload->>'completedOn')::date,
  (e.payload->>'effectiveDate')::date,
  (e.payload->>'startDate')::date,
  (e.occurred_at AT TIME ZONE 'UTC')::date)`;

/** Ledger dead letters still open for events of the entity dated in the period. */
export async function openDeadLettersIn(m: EntityManager, legalEntityCode: string, period: string): Promise<number> {
  const [row] = await m.query(
    `SELECT count(*)::int AS n
       FROM ops.dead_letter d JOIN events.event_log e ON e.id = d.event_id
      WHERE d.service = 'ledger' AND d.status IN ('OPEN', 'RETRY_REQUESTED')
        AND COALESCE(e.payload->>'legalEntityCode', e.payload->'before'->>'legalEntityCode', $1) = $1
        AND to_char(${EVENT_BUSINESS_DATE_SQL}, 'YYYY-MM') = $2`,
    [legalEntityCode, period],
  );
  return row.n;
}

export async function setPeriodStatus(
  m: EntityManager,
  p: { legalEntityCode: string; period: string; status: 'OPEN' | 'CLOSED'; by: string; reason: string | null },
): Promise<void> {
  await m.query(
    `INSERT INTO accounting_period (legal_entity_code, period, status, changed_by, reason)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (legal_entity_code, period) DO UPDATE
       SET status = EXCLUDED.status, changed_by = EXCLUDED.changed_by, reason = EXCLUDED.reason, changed_at = now()`,
    [p.legalEntityCode, p.period, p.status, p.by, p.reason],
  );
}

/** Every period from the first used to the last used or closed, with its status. */
export async function listPeriods(m: EntityManager, legalEntityCode: string): Promise<Array<{ period: string; status: 'OPEN' | 'CLOSED' }>> {
  return m.query(
    `WITH used AS (
        SELECT to_char(entry_date, 'YYYY-MM') AS p FROM journal_entry WHERE legal_entity_code = $1
        UNION SELECT period FROM recognition_run WHERE legal_entity_code = $1
        UNION SELECT period FROM accounting_period WHERE legal_entity_code = $1
     ), bounds AS (SELECT min(p) AS lo, max(p) AS hi FROM used)
     SELECT to_char(d, 'YYYY-MM') AS period, COALESCE(ap.status, 'OPEN') AS status
       FROM bounds, generate_series(to_date(bounds.lo, 'YYYY-MM'), to_date(bounds.hi, 'YYYY-MM'), interval '1 month') d
       LEFT JOIN accounting_period ap ON ap.legal_entity_code = $1 AND ap.period = to_char(d, 'YYYY-MM')
      WHERE bounds.lo IS NOT NULL
      ORDER BY 1`,
    [legalEntityCode],
  );
}
