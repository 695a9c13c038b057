import { defaultFieldResolver, GraphQLSchema, type GraphQLFieldConfig } from 'graphql';
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { isPartnerScoped, scopesOf, type Actor } from '../auth/actor';
import { forbidden, unauthenticated } from '../errors';

/**
 * A named access policy (`@policy(policies: [["name"]])`): decides from the caller, the parent
 * object and the arguments. Partner scope is one: it lets a partner see only its own customers' data.
 */
export type AccessPolicy = (actor: Actor, parent: unknown, args: Record<string, unknown>) => boolean;

/** Policies every subgraph knows; a subgraph adds its own in its definition. */
export const STANDARD_POLICIES: Record<string, AccessPolicy> = {
  // Internal fields (credit hold reasons, accounting detail) are not for partner tokens.
  internal: (actor) => !isPartnerScoped(actor),
};

interface Requirements {
  authenticated: boolean;
  scopes: string[][] | null;
  policies: string[][] | null;
}

const readRequirements = (schema: GraphQLSchema, node: Parameters<typeof getDirective>[1]): Requirements => ({
  authenticated: !!getDirective(schema, node, 'authenticated')?.length,
  scopes: (getDirective(schema, node, 'requiresScopes')?.[0]?.scopes as string[][]) ?? null,
  policies: (getDirective(schema, node, 'policy')?.[0]?.policies as string[][]) ?? null,
});

/**
 * Enforces @authenticated, @requiresScopes and @policy on every field of every type (the gateway
 * does not). A directive on a type applies to each of its fields; `anyOf(allOf)` semantics as in
 * the federation spec.
 */
export function enforceAuthDirectives(
  schema: GraphQLSchema,
  policies: Record<string, AccessPolicy>,
  actorOf: (context: unknown) => Actor | null | undefined,
  /** Told of every refused mutation, so the refusal reaches the audit trail. */
  onMutationDenied?: (context: unknown, field: string, reason: string) => Promise<void>,
): GraphQLSchema {
  const mutationType = schema.getMutationType()?.name;
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field: GraphQLFieldConfig<unknown, unknown>, _name, typeName) => {
      const type = schema.getType(typeName)!;
      const own = readRequirements(schema, field);
      const inherited = readRequirements(schema, type as never);
      const req: Requirements = {
        authenticated: own.authenticated || inherited.authenticated,
        scopes: own.scopes ?? inherited.scopes,
        policies: own.policies ?? inherited.policies,
      };
      if (!req.authenticated && !req.scopes && !req.policies) return field;
      for (const group of req.policies ?? []) {
        for (const name of group) {
          if (!policies[name]) throw new Error(`@policy "${name}" on ${typeName} has no implementation`);
        }
      }
      const resolve = field.resolve ?? defaultFieldResolver;
      const isMutation = typeName === mutationType;
      const refuse = async (context: unknown, fieldName: string, error: Error) => {
        if (isMutation && onMutationDenied) await onMutationDenied(context, fieldName, error.message);
        throw error;
      };
      return {
        ...field,
        resolve(parent, args, context, info) {
          const actor = actorOf(context);
          if (!actor) return refuse(context, info.fieldName, unauthenticated());
          if (req.scopes) {
            const held = scopesOf(actor);
            if (!req.scopes.some((all) => all.every((s) => held.has(s)))) {
              return refuse(context, info.fieldName, forbidden(`Your roles do not allow ${typeName}.${info.fieldName}`));
            }
          }
          if (req.policies) {
            const ok = req.policies.some((all) => all.every((p) => policies[p](actor, parent, args)));
            if (!ok) return refuse(context, info.fieldName, forbidden(`Not allowed: ${typeName}.${info.fieldName}`));
          }
          return resolve(parent, args, context, info);
        },
      };
    },
  });
}
