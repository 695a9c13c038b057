import { In, type DataSource } from 'typeorm';
import { byKeyLoader, groupLoader, isPartnerScoped, type Actor } from '@rg/kit';
import { CustomerRow, LegalEntityRow } from './entities';

/** Partner callers see only the customers they own; to them, others do not exist. */
export const visibleTo = (actor: Actor | null) => (row: CustomerRow) =>
  !isPartnerScoped(actor ?? undefined) || row.partnerId === actor?.partnerId;

export function createLoaders(ds: DataSource, actor: Actor | null) {
  const customers = ds.getRepository(CustomerRow);
  const visible = visibleTo(actor);
  return {
    customerById: byKeyLoader<string, CustomerRow>(
      async (ids) => (await customers.findBy({ id: In([...ids]) })).filter(visible),
      (c) => c.id,
    ),
    childrenByParent: groupLoader<string, CustomerRow>(
      async (ids) => (await customers.find({ where: { parentId: In([...ids]) }, order: { seq: 'ASC' } })).filter(visible),
      (c) => c.parentId!,
    ),
    /** The customer that owns a contract, amendment, invoice or payment. */
    ownerOfNode: byKeyLoader<string, { node_id: string; customer_id: string }>(
      (ids) => ds.query(`SELECT node_id, customer_id FROM node_owner WHERE node_id = ANY($1)`, [ids]),
      (r) => r.node_id,
    ),
    legalEntityByCode: byKeyLoader<string, LegalEntityRow>(
      (codes) => ds.getRepository(LegalEntityRow).findBy({ code: In([...codes]) }),
      (le) => le.code,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
