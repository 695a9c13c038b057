import { GraphQLError } from 'graphql';

/**
 * A cursor names a log position, opaque to clients so the log's numbering can change without
 * breaking them.
 */
const PREFIX = 'log:';

export const encodeCursor = (position: string): string => Buffer.from(`${PREFIX}${position}`).toString('base64url');

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || !/^\d{1,19}$/.test(text.slice(PREFIX.length))) {
    throw new GraphQLError('Invalid cursor: pass the cursor of an event this API returned', {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
    });
  }
  return text.slice(PREFIX.length);
}
