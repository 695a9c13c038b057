/**
 * Moves a consumer back so it re-reads the log from `from`. Events it already applied are skipped
 * by its processed-event record; events it never applied (no handler then, discarded dead letters)
 * are applied now. The consumer's schema is the connection's search path.
 */
export async function replayConsumer(
  query: (sql: string, params?: unknown[]) => Promise<unknown[]>,
  consumer: string,
  from: number,
): Promise<void> {
  if (!Number.isInteger(from) || from < 1) throw new RangeError('the replay position must be an integer >= 1');
  const known = await query(`SELECT consumer FROM consumer_position WHERE consumer = $1`, [consumer]);
  if (known.length === 0) throw new Error(`Consumer ${consumer} has never run`);
  await query(`UPDATE consumer_position SET position = $2, updated_at = now() WHERE consumer = $1`, [consumer, from - 1]);
  await query(`SELECT pg_notify('event_log', 'replay')`);
}
