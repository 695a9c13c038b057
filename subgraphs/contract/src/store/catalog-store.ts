import type { EntityManager } from 'typeorm';
import type { ChargeModel } from '@rg/kit';
import type { CatalogProduct } from '../domain/catalog';

interface CatalogSqlRow {
  code: string;
  name: string;
  charge_model: ChargeModel;
  included_units: string | null;
  prices: Array<{ currency: string; list_micros: string; ssp_micros: string }>;
}

const toProduct = (r: CatalogSqlRow): CatalogProduct => ({
  code: r.code,
  name: r.name,
  chargeModel: r.charge_model,
  includedUnits: r.included_units === null ? null : Number(r.included_units),
  prices: r.prices.map((p) => ({ currency: p.currency, listMicros: BigInt(p.list_micros), sspMicros: BigInt(p.ssp_micros) })),
});

/** Products with every price they carry, in one statement; all products when codes is omitted. */
export async function findProducts(m: EntityManager, codes?: readonly string[]): Promise<CatalogProduct[]> {
  const rows: CatalogSqlRow[] = await m.query(
    `SELECT p.code, p.name, p.charge_model, p.included_units::text AS included_units,
            COALESCE(json_agg(json_build_object('currency', pp.currency, 'list_micros', pp.list_micros::text,
                                                'ssp_micros', pp.ssp_micros::text) ORDER BY pp.currency)
                     FILTER (WHERE pp.currency IS NOT NULL), '[]') AS prices
       FROM product p LEFT JOIN product_price pp ON pp.product_code = p.code
      WHERE $1::text[] IS NULL OR p.code = ANY($1)
      GROUP BY p.code ORDER BY p.position`,
    [codes ? [...codes] : null],
  );
  return rows.map(toProduct);
}

export async function loadCatalog(m: EntityManager): Promise<Map<string, CatalogProduct>> {
  return new Map((await findProducts(m)).map((p) => [p.code, p]));
}
