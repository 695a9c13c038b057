import { DomainError, isValidDate, isValidPeriod } from '@rg/kit';
import type { EntityManager } from 'typeorm';
import { badUserInput } from '@rg/kit';

/** Query arguments: a malformed one is a client error. */
export function checkDate(value: string, name: string): string {
  if (!isValidDate(value)) throw badUserInput(`${name} must be a date YYYY-MM-DD`);
  return value;
}
export function checkPeriod(value: string): string {
  if (!isValidPeriod(value)) throw badUserInput('period must be YYYY-MM');
  return value;
}

/** Mutation arguments: a bad one is a user error, and nothing changes. */
export async function requirePeriodInput(m: EntityManager, legalEntityCode: string, period: string): Promise<void> {
  if (!isValidPeriod(period)) throw new DomainError('INVALID_PERIOD', `"${period}" is not a period YYYY-MM`, ['period']);
  const rows = await m.query(`SELECT 1 FROM legal_entity WHERE code = $1`, [legalEntityCode]);
  if (rows.length === 0) {
    throw new DomainError('LEGAL_ENTITY_NOT_FOUND', `Legal entity ${legalEntityCode} does not exist`, ['legalEntityCode']);
  }
}
