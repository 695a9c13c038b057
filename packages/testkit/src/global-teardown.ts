import type { ThrowawayPostgres } from './throwaway-postgres';

export default async function globalTeardown() {
  await (globalThis as { __rgPostgres?: ThrowawayPostgres }).__rgPostgres?.stop();
}
