import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Actor } from './actor';

/**
 * The gateway forwards the verified identity to a subgraph as a signed header, so a subgraph
 * trusts nothing that did not pass through the gateway. Each subgraph has its own key.
 */
export const IDENTITY_HEADER = 'x-rg-identity';
export const SIGNATURE_HEADER = 'x-rg-signature';
export const CORRELATION_HEADER = 'x-correlation-id';

export interface HopClaims {
  actor: Actor | null;
  correlationId: string;
  /** Issued-at, ms since epoch: old signatures are refused to limit replay. */
  iat: number;
  aud: string;
}

const MAX_AGE_MS = 5 * 60_000;

/** The per-subgraph key: explicit env wins, otherwise derived from the shared internal secret. */
export function hopKey(service: string, env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env[`HOP_SECRET_${service.toUpperCase()}`];
  if (explicit) return explicit;
  if (!env.INTERNAL_SECRET && env.NODE_ENV === 'production') {
    throw new Error(`Set INTERNAL_SECRET or HOP_SECRET_${service.toUpperCase()} in production`);
  }
  const root = env.INTERNAL_SECRET ?? 'dev-internal-secret-change-me';
  return createHmac('sha256', root).update(`hop:${service}`).digest('base64url');
}

const mac = (key: string, payload: string) => createHmac('sha256', key).update(payload).digest();

export function signHop(claims: HopClaims, key: string): Record<string, string> {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { [IDENTITY_HEADER]: payload, [SIGNATURE_HEADER]: mac(key, payload).toString('base64url') };
}

export function verifyHop(
  headers: { identity?: string; signature?: string },
  key: string,
  audience: string,
  now = Date.now(),
): HopClaims | null {
  const { identity, signature } = headers;
  if (!identity || !signature) return null;
  const expected = mac(key, identity);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(identity, 'base64url').toString('utf8')) as HopClaims;
    if (claims.aud !== audience || Math.abs(now - claims.iat) > MAX_AGE_MS) return null;
    return claims;
  } catch {
    return null;
  }
}
