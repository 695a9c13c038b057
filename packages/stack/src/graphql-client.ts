import type { Role } from '@rg/kit';
import { signDevToken } from '@rg/gateway';

export interface Caller {
  (query: string, variables?: Record<string, unknown>): Promise<any>;
}

/** A caller acting as a development user of `role` (tokens signed with the dev secret). */
export async function callerFor(url: string, role: Role, sub = `demo-${role}`, partnerId?: string): Promise<Caller> {
  const token = await signDevToken({ sub, roles: [role], partnerId });
  return async (query, variables) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data;
  };
}
