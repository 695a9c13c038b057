import { z } from 'zod';

/**
 * Reads and validates environment configuration once at start-up, so a bad value stops the
 * service with a message naming the variable instead of failing on first use.
 */
export function loadConfig<T extends z.ZodRawShape>(shape: T, env: NodeJS.ProcessEnv = process.env) {
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}

export const SERVICES = ['customer', 'contract', 'billing', 'ledger', 'renewal'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const DEFAULT_PORTS: Record<ServiceName | 'gateway', number> = {
  gateway: 4000,
  customer: 4001,
  contract: 4002,
  billing: 4003,
  ledger: 4004,
  renewal: 4005,
};

export { z };
