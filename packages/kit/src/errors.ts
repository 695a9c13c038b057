import { GraphQLError } from 'graphql';

/** An expected business outcome: resolvers turn it into a `userErrors` entry, and nothing changes. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export interface UserError {
  code: string;
  message: string;
  field: string[] | null;
}

export const userError = (code: string, message: string, field?: string[]): UserError => ({
  code,
  message,
  field: field ?? null,
});

// Field-level errors: the response stays 200 with partial data, so a federated gateway keeps the
// rest of a subgraph's answer (a 4xx would make it discard the whole response).
export const unauthenticated = (message = 'Authentication required') =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });

export const forbidden = (message = 'Not allowed') => new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });

export const badUserInput = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
