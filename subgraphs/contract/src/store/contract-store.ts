import type { EntityManager } from 'typeorm';
import { newId, type AmendmentKind } from '@rg/kit';
import type { ContractHeader, TermLine } from '../domain/contract-terms';
import type { LineChange } from '../domain/amendment-plan';
import { AmendmentRow, ContractLineRow, ContractRow, ContractVersionRow, type ContractStatus } from './entities';

/** C-2026-000001: numbered per year of the start date, gap-free within a year. */
export async function nextContractNumber(m: EntityManager, startDate: string): Promise<string> {
  const year = Number(startDate.slice(0, 4));
  const [{ last }] = await m.query(
    `INSERT INTO contract_number (year, last) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last = contract_number.last + 1 RETURNING last`,
    [year],
  );
  return `C-${year}-${String(last).padStart(6, '0')}`;
}

export const headerOf = (c: ContractRow): ContractHeader => ({
  contractId: c.id,
  number: c.number,
  customerId: c.customerId,
  partnerId: c.partnerId,
  legalEntityCode: c.legalEntityCode,
  taxRegion: c.taxRegion,
  currency: c.currency,
  startDate: c.startDate,
  endDate: c.endDate,
  termMonths: c.termMonths,
  billingFrequency: c.billingFrequency,
});

export const toTermLine = (l: ContractLineRow): TermLine => ({
  productCode: l.productCode,
  productName: l.productName,
  chargeModel: l.chargeModel,
  includedUnits: l.includedUnits === null ? null : Number(l.includedUnits),
  quantity: l.quantity,
  discountHundredths: BigInt(l.discountHundredths),
  listMicros: BigInt(l.listMicros),
  netMicros: BigInt(l.netMicros),
  sspMicros: BigInt(l.sspMicros),
});

export async function insertContract(
  m: EntityManager,
  header: Omit<ContractHeader, 'contractId' | 'number'>,
  quoteId: string,
  lines: TermLine[],
): Promise<ContractRow> {
  const row = m.create(ContractRow, {
    ...header,
    id: newId('Contract'),
    number: await nextContractNumber(m, header.startDate),
    quoteId,
    status: 'ACTIVE',
    version: 1,
    cancelledFrom: null,
    onboardingCompletedOn: null,
    createdAt: new Date(),
  });
  await m.insert(ContractRow, row);
  await appendVersion(m, row.id, { version: 1, status: 'ACTIVE', effectiveDate: header.startDate, amendmentId: null }, lines);
  return row;
}

/** Writes one more version of a contract with its complete lines. */
export async function appendVersion(
  m: EntityManager,
  contractId: string,
  v: { version: number; status: ContractStatus; effectiveDate: string; amendmentId: string | null },
  lines: TermLine[],
): Promise<void> {
  await m.insert(ContractVersionRow, { contractId, ...v, createdAt: new Date() });
  await m.insert(
    ContractLineRow,
    lines.map((l, position) => ({
      contractId,
      version: v.version,
      position,
      productCode: l.productCode,
      productName: l.productName,
      chargeModel: l.chargeModel,
      includedUnits: l.includedUnits === null ? null : String(l.includedUnits),
      quantity: l.quantity,
      discountHundredths: Number(l.discountHundredths),
      listMicros: l.listMicros.toString(),
      netMicros: l.netMicros.toString(),
      sspMicros: l.sspMicros.toString(),
    })),
  );
}

/** Locks the contract: its versions are numbered one after another, never twice. */
export const lockContract = (m: EntityManager, id: string): Promise<ContractRow | null> =>
  m.findOne(ContractRow, { where: { id }, lock: { mode: 'pessimistic_write' } });

export async function termLinesOf(m: EntityManager, contractId: string, version: number): Promise<TermLine[]> {
  const rows = await m.find(ContractLineRow, { where: { contractId, version }, order: { position: 'ASC' } });
  return rows.map(toTermLine);
}

export async function latestAmendmentDate(m: EntityManager, contractId: string): Promise<string | null> {
  const [row] = await m.query(
    `SELECT to_char(max(effective_date), 'YYYY-MM-DD') AS latest FROM amendment WHERE contract_id = $1`,
    [contractId],
  );
  return row?.latest ?? null;
}

async function insertAmendment(
  m: EntityManager,
  a: { contractId: string; version: number; kind: AmendmentKind; effectiveDate: string; changes: LineChange[]; reason: string | null; createdBy: string },
): Promise<AmendmentRow> {
  const row = m.create(AmendmentRow, { id: newId('Amendment'), ...a, createdAt: new Date() });
  await m.insert(AmendmentRow, row);
  return row;
}

/**
 * Appends an amendment and the contract version it produces, and moves the contract to it:
 * one amendment, one new version, in the caller's transaction (the contract row is locked).
 */
export async function recordAmendment(
  m: EntityManager,
  contract: ContractRow,
  a: { kind: AmendmentKind; effectiveDate: string; changes: LineChange[]; reason: string | null; createdBy: string },
  lines: TermLine[],
): Promise<AmendmentRow> {
  const version = contract.version + 1;
  const status: ContractStatus = a.kind === 'CANCELLATION' ? 'CANCELLED' : 'ACTIVE';
  const amendment = await insertAmendment(m, { contractId: contract.id, version, ...a });
  await appendVersion(m, contract.id, { version, status, effectiveDate: a.effectiveDate, amendmentId: amendment.id }, lines);
  contract.version = version;
  contract.status = status;
  if (status === 'CANCELLED') contract.cancelledFrom = a.effectiveDate;
  await m.save(contract);
  return amendment;
}
