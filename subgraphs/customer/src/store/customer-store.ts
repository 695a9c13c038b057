import type { EntityManager } from 'typeorm';
import { newId, type Actor, isPartnerScoped } from '@rg/kit';
import { CustomerRow, LegalEntityRow, TaxRegionRow } from './entities';
import type { NewCustomer } from '../domain/customer-rules';

export async function referenceSets(m: EntityManager) {
  const [regions, entities] = await Promise.all([m.find(TaxRegionRow), m.find(LegalEntityRow)]);
  return { taxRegions: new Set(regions.map((r) => r.code)), legalEntities: new Set(entities.map((e) => e.code)) };
}

/** Depth of a customer in its hierarchy (0 for a root), or null when it does not exist. */
export async function depthOf(m: EntityManager, id: string): Promise<number | null> {
  const rows = await m.query(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM customer WHERE id = $1
       UNION ALL
       SELECT c.id, c.parent_id, up.depth + 1 FROM customer c JOIN up ON c.id = up.parent_id WHERE up.depth < 50
     ) SELECT max(depth) AS depth, count(*) AS n FROM up`,
    [id],
  );
  return Number(rows[0].n) === 0 ? null : Number(rows[0].depth);
}

/** Every account below `id` in its hierarchy, with how far below it sits (children are 1). */
export async function descendantsOf(m: EntityManager, id: string): Promise<Map<string, number>> {
  const rows: Array<{ id: string; level: number }> = await m.query(
    `WITH RECURSIVE down(id, level) AS (
       SELECT id, 1 FROM customer WHERE parent_id = $1
       UNION ALL
       SELECT c.id, down.level + 1 FROM customer c JOIN down ON c.parent_id = down.id WHERE down.level < 50
     ) SELECT id, level FROM down`,
    [id],
  );
  return new Map(rows.map((r) => [r.id, Number(r.level)]));
}

export async function insertCustomer(m: EntityManager, input: NewCustomer): Promise<CustomerRow> {
  const row = m.create(CustomerRow, {
    id: newId('Customer'),
    name: input.name.trim(),
    currency: input.currency,
    taxRegion: input.taxRegion,
    legalEntityCode: input.legalEntityCode,
    parentId: input.parentId ?? null,
    partnerId: input.partnerId ?? null,
    creditHold: false,
    creditHoldReason: null,
    createdAt: new Date(),
  });
  await m.insert(CustomerRow, row);
  return row;
}

/** Locks the customer row for the rest of the transaction; partner callers find only their own. */
export async function lockCustomer(m: EntityManager, id: string, actor: Actor): Promise<CustomerRow | null> {
  const row = await m.findOne(CustomerRow, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!row) return null;
  if (isPartnerScoped(actor) && row.partnerId !== actor.partnerId) return null;
  return row;
}

const encodeCursor = (seq: string) => Buffer.from(`customer:${seq}`).toString('base64url');
function decodeCursor(cursor: string): string | null {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^customer:(\d+)$/.exec(raw);
  return m ? m[1] : null;
}

export async function pageCustomers(m: EntityManager, actor: Actor | null, first: number, after?: string | null) {
  const afterSeq = after ? decodeCursor(after) : null;
  if (after && afterSeq === null) throw new RangeError('Invalid cursor');
  const scoped = () => {
    const qb = m.getRepository(CustomerRow).createQueryBuilder('c');
    if (isPartnerScoped(actor ?? undefined)) qb.where('c.partner_id = :partnerId', { partnerId: actor!.partnerId });
    return qb;
  };
  const page = scoped().orderBy('c.seq', 'ASC').limit(first + 1);
  if (afterSeq) page.andWhere('c.seq > :afterSeq', { afterSeq });
  const [totalCount, rows] = await Promise.all([scoped().getCount(), page.getMany()]);
  const nodes = rows.slice(0, first);
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].seq) : null },
  };
}
