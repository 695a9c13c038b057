import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const DATA_DIR = join(REPO_ROOT, '.data');
export const EMBEDDED_PG_DIR = join(DATA_DIR, 'postgres');
