import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ROLES, type Actor, type Role } from '@rg/kit';

/**
 * Bearer tokens are JWTs: HS256 with JWT_SECRET in development, or keys from JWKS_URL in
 * production. Claims: sub, roles, scopes, partnerId.
 */
export interface AuthConfig {
  secret?: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
}

export const DEV_JWT_SECRET = 'dev-jwt-secret-change-me-0123456789abcdef';

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  if (env.NODE_ENV === 'production' && !env.JWKS_URL && !env.JWT_SECRET) {
    throw new Error('Set JWKS_URL (or JWT_SECRET) in production');
  }
  return {
    secret: env.JWKS_URL ? undefined : (env.JWT_SECRET ?? DEV_JWT_SECRET),
    jwksUrl: env.JWKS_URL,
    issuer: env.JWT_ISSUER ?? 'revenue-graph',
    audience: env.JWT_AUDIENCE ?? 'revenue-graph-api',
  };
}

export class AuthError extends Error {}

export type TokenVerifier = (token: string) => Promise<{ actor: Actor; expiresAt: number | null }>;

export function createVerifier(config: AuthConfig): TokenVerifier {
  const key = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : new TextEncoder().encode(config.secret);
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        issuer: config.issuer,
        audience: config.audience,
      }));
    } catch (err) {
      throw new AuthError(`Invalid token: ${(err as Error).message}`);
    }
    return { actor: actorFromClaims(payload), expiresAt: payload.exp ? payload.exp * 1000 : null };
  };
}

export function actorFromClaims(payload: JWTPayload): Actor {
  if (!payload.sub) throw new AuthError('Token has no subject');
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
  if (roles.length === 0) throw new AuthError('Token grants no known role');
  const scopes = Array.isArray(payload.scopes) ? payload.scopes.map(String) : [];
  const partnerId = typeof payload.partnerId === 'string' ? payload.partnerId : null;
  if (roles.includes('partner') && !partnerId) throw new AuthError('A partner token must name its partnerId');
  return { sub: payload.sub, roles, scopes, partnerId };
}

/** Development tokens (`npm run token`) and test clients. */
export async function signDevToken(
  claims: { sub: string; roles: Role[]; scopes?: string[]; partnerId?: string | null },
  opts: { secret?: string; expiresIn?: string; issuer?: string; audience?: string } = {},
): Promise<string> {
  return new SignJWT({ roles: claims.roles, scopes: claims.scopes ?? [], partnerId: claims.partnerId ?? undefined })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(opts.issuer ?? 'revenue-graph')
    .setAudience(opts.audience ?? 'revenue-graph-api')
    .setIssuedAt()
    .setExpirationTime(opts.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(opts.secret ?? process.env.JWT_SECRET ?? DEV_JWT_SECRET));
}
