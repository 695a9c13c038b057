import { CreateLedgerSchema1764000400000 } from './1764000400000-CreateLedgerSchema';

export const migrations = [CreateLedgerSchema1764000400000];
