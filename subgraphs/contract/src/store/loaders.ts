import { In, type DataSource } from 'typeorm';
import { byKeyLoader, groupLoader, isPartnerScoped, type Actor } from '@rg/kit';
import type { CatalogProduct } from '../domain/catalog';
import { findProducts } from './catalog-store';
import { AmendmentRow, ContractLineRow, ContractRow, ContractVersionRow, QuoteLineRow, QuoteRow } from './entities';

/** Key of one version of a contract: "ctr_…@2". */
export const versionKey = (contractId: string, version: number) => `${contractId}@${version}`;

/** Partner callers see only the quotes and contracts of the customers they own. */
const visibleTo = (actor: Actor | null) => (row: { partnerId: string | null }) =>
  !isPartnerScoped(actor ?? undefined) || (row.partnerId !== null && row.partnerId === actor?.partnerId);

/** Splits version keys into parallel arrays for one `unnest` statement. */
function unpackVersionKeys(keys: readonly string[]) {
  const ids: string[] = [];
  const versions: number[] = [];
  for (const k of keys) {
    const at = k.lastIndexOf('@');
    ids.push(k.slice(0, at));
    versions.push(Number(k.slice(at + 1)));
  }
  return { ids, versions };
}

export function createLoaders(ds: DataSource, actor: Actor | null) {
  const visible = visibleTo(actor);
  const contracts = ds.getRepository(ContractRow);
  const contractById = byKeyLoader<string, ContractRow>(
    async (ids) => (await contracts.findBy({ id: In([...ids]) })).filter(visible),
    (c) => c.id,
  );
  return {
    productByCode: byKeyLoader<string, CatalogProduct>((codes) => findProducts(ds.manager, codes), (p) => p.code),
    quoteById: byKeyLoader<string, QuoteRow>(
      async (ids) => (await ds.getRepository(QuoteRow).findBy({ id: In([...ids]) })).filter(visible),
      (q) => q.id,
    ),
    quotesByCustomer: groupLoader<string, QuoteRow>(
      async (ids) =>
        (await ds.getRepository(QuoteRow).find({ where: { customerId: In([...ids]) }, order: { seq: 'ASC' } })).filter(visible),
      (q) => q.customerId,
    ),
    quoteLinesByQuote: groupLoader<string, QuoteLineRow>(
      (ids) => ds.getRepository(QuoteLineRow).find({ where: { quoteId: In([...ids]) }, order: { position: 'ASC' } }),
      (l) => l.quoteId,
    ),
    contractById,
    contractsByCustomer: groupLoader<string, ContractRow>(
      async (ids) => (await contracts.find({ where: { customerId: In([...ids]) }, order: { seq: 'ASC' } })).filter(visible),
      (c) => c.customerId,
    ),
    contractVersion: byKeyLoader<string, ContractVersionRow>(
      (keys) => {
        const { ids, versions } = unpackVersionKeys(keys);
        return ds
          .getRepository(ContractVersionRow)
          .createQueryBuilder('v')
          .where('(v.contract_id, v.version) IN (SELECT * FROM unnest(:ids::text[], :versions::int[]))', { ids, versions })
          .getMany();
      },
      (v) => versionKey(v.contractId, v.version),
    ),
    contractLinesByVersion: groupLoader<string, ContractLineRow>(
      (keys) => {
        const { ids, versions } = unpackVersionKeys(keys);
        return ds
          .getRepository(ContractLineRow)
          .createQueryBuilder('l')
          .where('(l.contract_id, l.version) IN (SELECT * FROM unnest(:ids::text[], :versions::int[]))', { ids, versions })
          .orderBy('l.position', 'ASC')
          .getMany();
      },
      (l) => versionKey(l.contractId, l.version),
    ),
    amendmentById: byKeyLoader<string, AmendmentRow>(
      (ids) => ds.getRepository(AmendmentRow).findBy({ id: In([...ids]) }),
      (a) => a.id,
    ),
    amendmentsByContract: groupLoader<string, AmendmentRow>(
      (ids) => ds.getRepository(AmendmentRow).find({ where: { contractId: In([...ids]) }, order: { seq: 'ASC' } }),
      (a) => a.contractId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
