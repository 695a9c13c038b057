import type { Role } from '@rg/kit';
import { signDevToken } from '@rg/gateway';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }>;
  headers: Headers;
}

export interface ActorOptions {
  sub?: string;
  partnerId?: string;
  /** Extra roles held alongside the main one. */
  alsoRoles?: Role[];
  correlationId?: string;
}

export interface GqlClient {
  token: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResult<T>>;
}

export async function postGraphql<T>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GqlResult<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: { data?: T; errors?: GqlResult['errors'] } = {};
  try {
    json = JSON.parse(text);
  } catch {
    json = { errors: [{ message: text }] };
  }
  return { status: res.status, data: json.data, errors: json.errors, headers: res.headers };
}

export async function clientFor(gatewayUrl: string, role: Role, opts: ActorOptions = {}): Promise<GqlClient> {
  const token = await signDevToken({
    sub: opts.sub ?? `${role}-user`,
    roles: [role, ...(opts.alsoRoles ?? [])],
    partnerId: opts.partnerId ?? (role === 'partner' ? 'partner-1' : undefined),
  });
  return {
    token,
    gql: (query, variables, headers) =>
      postGraphql(gatewayUrl, { query, variables }, {
        authorization: `Bearer ${token}`,
        ...(opts.correlationId ? { 'x-correlation-id': opts.correlationId } : {}),
        ...headers,
      }),
  };
}
