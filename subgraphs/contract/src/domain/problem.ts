import { DomainError } from '@rg/kit';

/** A rule broken by an input, naming the input field it concerns. */
export interface Problem {
  code: string;
  message: string;
  field: string[];
}

export const problem = (code: string, message: string, field: string[]): Problem => ({ code, message, field });

/** The error that rejects a mutation for this problem: nothing changes, the caller gets a userError. */
export const failure = (p: Problem): DomainError => new DomainError(p.code, p.message, p.field);
