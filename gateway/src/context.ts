import type { Actor } from '@rg/kit';

export interface GatewayContext {
  actor: Actor | null;
  correlationId: string;
}
