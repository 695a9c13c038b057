/**
 * A business policy is a pure function of the input, the actor and the state it needs:
 * it allows, denies with a stable code and a reason, or asks for an approval level.
 * Thresholds come from data (see each subgraph's policy config), never from the function body.
 */
export type Decision =
  | { kind: 'allow' }
  | { kind: 'deny'; code: string; reason: string; field?: string[] }
  | { kind: 'requireApproval'; level: string; reason: string };

export const allow = (): Decision => ({ kind: 'allow' });
export const deny = (code: string, reason: string, field?: string[]): Decision => ({
  kind: 'deny',
  code: `POLICY_${code}`,
  reason,
  field,
});
export const requireApproval = (level: string, reason: string): Decision => ({
  kind: 'requireApproval',
  level,
  reason,
});

export type Policy<I, S, A = unknown> = (input: I, actor: A, state: S) => Decision;
