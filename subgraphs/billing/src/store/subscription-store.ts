import type { EntityManager } from 'typeorm';
import type { ContractAmendedV1, ContractCancelledV1, ContractTerms } from '@rg/kit';
import type { Subscription } from '../domain/subscription';
import { SubscriptionLineRow, SubscriptionRow, TermChangeRow } from './subscription-entities';

/** Keeps billing's copy of a newly activated contract; a redelivered activation changes nothing. */
export async function saveActivatedTerms(m: EntityManager, t: ContractTerms): Promise<void> {
  const inserted = await m.query(
    `INSERT INTO subscription (contract_id, customer_id, number, legal_entity_code, currency, partner_id,
                               start_date, end_date, billing_frequency, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (contract_id) DO NOTHING RETURNING contract_id`,
    [t.contractId, t.customerId, t.number, t.legalEntityCode, t.currency, t.partnerId, t.startDate, t.endDate, t.billingFrequency, t.version],
  );
  if (inserted.length === 0) return;
  for (const l of t.lines) {
    await m.query(
      `INSERT INTO subscription_line (contract_id, product_code, product_name, charge_model, initial_quantity, quantity,
                                      unit_price_micros, included_units)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7)`,
      [t.contractId, l.productCode, l.productName, l.chargeModel, l.quantity, l.netUnitPriceMicros, l.includedUnits],
    );
  }
}

/** Records each product's quantity change; products the amendment added start from zero. */
export async function saveAmendment(m: EntityManager, a: ContractAmendedV1): Promise<void> {
  // An amendment is applied once, whatever event delivers it again.
  if ((await m.query(`SELECT 1 FROM term_change WHERE amendment_id = $1 LIMIT 1`, [a.amendmentId])).length > 0) return;
  await saveActivatedTerms(m, a.before);
  for (const l of a.after.lines) {
    await m.query(
      `INSERT INTO subscription_line (contract_id, product_code, product_name, charge_model, initial_quantity, quantity,
                                      unit_price_micros, included_units)
       VALUES ($1, $2, $3, $4, 0, $5, $6, $7)
       ON CONFLICT (contract_id, product_code) DO UPDATE SET quantity = EXCLUDED.quantity`,
      [a.contractId, l.productCode, l.productName, l.chargeModel, l.quantity, l.netUnitPriceMicros, l.includedUnits],
    );
  }
  for (const c of a.changes) {
    await insertChange(m, { amendmentId: a.amendmentId, contractId: a.contractId, kind: a.kind, effectiveDate: a.effectiveDate, ...c });
    // A removed product may be missing from the new terms: its current quantity is the change's.
    await m.query(`UPDATE subscription_line SET quantity = $3 WHERE contract_id = $1 AND product_code = $2`, [a.contractId, c.productCode, c.quantityAfter]);
  }
  await m.query(`UPDATE subscription SET version = GREATEST(version, $2), end_date = $3 WHERE contract_id = $1`, [
    a.contractId,
    a.version,
    a.after.endDate,
  ]);
}

/** From the cancellation on nothing recurs: every recurring line goes to zero on its effective date. */
export async function saveCancellation(m: EntityManager, c: ContractCancelledV1): Promise<void> {
  const [known] = await m.query(`SELECT cancelled_from FROM subscription WHERE contract_id = $1`, [c.contractId]);
  if (known?.cancelled_from) return;
  await saveActivatedTerms(m, c.before);
  await m.query(`UPDATE subscription SET cancelled_from = $2, version = GREATEST(version, $3) WHERE contract_id = $1`, [
    c.contractId,
    c.effectiveDate,
    c.version,
  ]);
  for (const l of c.before.lines) {
    if (l.chargeModel !== 'FLAT' && l.chargeModel !== 'PER_UNIT') continue;
    if (l.quantity > 0) {
      await insertChange(m, {
        amendmentId: c.amendmentId,
        contractId: c.contractId,
        kind: 'CANCELLATION',
        effectiveDate: c.effectiveDate,
        productCode: l.productCode,
        quantityBefore: l.quantity,
        quantityAfter: 0,
      });
    }
  }
  await m.query(`UPDATE subscription_line SET quantity = 0 WHERE contract_id = $1`, [c.contractId]);
}

async function insertChange(m: EntityManager, c: TermChangeRow): Promise<void> {
  await m.query(
    `INSERT INTO term_change (amendment_id, product_code, contract_id, kind, effective_date, quantity_before, quantity_after)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [c.amendmentId, c.productCode, c.contractId, c.kind, c.effectiveDate, c.quantityBefore, c.quantityAfter],
  );
}

export interface LoadedSubscription {
  row: SubscriptionRow;
  subscription: Subscription;
}

/** Billing's terms of one contract; `lock` serializes billing of that contract. */
export async function loadSubscription(m: EntityManager, contractId: string, lock = false): Promise<LoadedSubscription | null> {
  const row = await m.findOne(SubscriptionRow, { where: { contractId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!row) return null;
  const [lines, changes] = await Promise.all([
    m.find(SubscriptionLineRow, { where: { contractId }, order: { productCode: 'ASC' } }),
    m.find(TermChangeRow, { where: { contractId }, order: { effectiveDate: 'ASC', amendmentId: 'ASC' } }),
  ]);
  return {
    row,
    subscription: {
      contractId: row.contractId,
      customerId: row.customerId,
      currency: row.currency,
      startDate: row.startDate,
      endDate: row.endDate,
      billingFrequency: row.billingFrequency,
      cancelledFrom: row.cancelledFrom,
      lines: lines.map((l) => ({
        productCode: l.productCode,
        productName: l.productName,
        chargeModel: l.chargeModel,
        initialQuantity: l.initialQuantity,
        unitMicros: BigInt(l.unitPriceMicros),
        includedUnits: l.includedUnits === null ? null : BigInt(l.includedUnits),
      })),
      changes: changes.map((c) => ({
        amendmentId: c.amendmentId,
        productCode: c.productCode,
        kind: c.kind,
        effectiveDate: c.effectiveDate,
        quantityBefore: c.quantityBefore,
        quantityAfter: c.quantityAfter,
      })),
    },
  };
}

/** Contracts that have started by asOf, in a fixed order so concurrent runs lock them alike. */
export async function contractsStartedBy(m: EntityManager, asOf: string): Promise<string[]> {
  const rows: Array<{ contract_id: string }> = await m.query(
    `SELECT contract_id FROM subscription WHERE start_date <= $1 ORDER BY contract_id`,
    [asOf],
  );
  return rows.map((r) => r.contract_id);
}
