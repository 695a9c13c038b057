import {
  Kind,
  print,
  visit,
  type ArgumentNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { stableStringify } from '@rg/kit';
import { ENVELOPE_FIELDS } from './schema';
import type { EventEntities, StreamKind } from './streams';

/**
 * The federated query that fetches what a subscriber selected under an event. The client's
 * selection of each entity field (aliases, arguments, fragments, directives) is hoisted to a root
 * query field taking the event's id: `contract { lines { … } }` becomes
 * `contract: contract(id: $__rg_contract_id, version: …) { lines { … } }`. Envelope fields come
 * from the log and are left out. Identical selections give the same text, so one resolution of an
 * event serves every subscriber that selected the same thing with the same access scope.
 */
export interface EventQuery {
  /** Null when the client selected envelope fields only: nothing to fetch. */
  query: string | null;
  /** Identifies the query and the client variables it uses. */
  key: string;
  variablesFor(entities: EventEntities): Record<string, unknown>;
}

const PREFIX = '__rg_';
const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
const variable = (value: string) => ({ kind: Kind.VARIABLE, name: name(value) }) as const;
const typeNode = (sdl: string) => {
  const nonNull = sdl.endsWith('!');
  const named = { kind: Kind.NAMED_TYPE, name: name(nonNull ? sdl.slice(0, -1) : sdl) } as const;
  return nonNull ? ({ kind: Kind.NON_NULL_TYPE, type: named } as const) : named;
};
const selectionSet = (selections: readonly SelectionNode[]): SelectionSetNode => ({ kind: Kind.SELECTION_SET, selections });

export function planEventQuery(input: {
  apiSchema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  rootField: FieldNode;
  kind: StreamKind;
  variableValues: Record<string, unknown>;
}): EventQuery {
  const { apiSchema, document, operation, rootField, kind } = input;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const queryFields = apiSchema.getQueryType()!.getFields();
  const ownVariables = new Map<string, string>();
  const entityNames = new Set<string>();

  const entityField = (field: FieldNode): FieldNode => {
    const entity = kind.fields[field.name.value];
    const target = queryFields[entity.queryField];
    const base = `${PREFIX}${field.name.value}`;
    ownVariables.set(`${base}_id`, String(target.args.find((a) => a.name === 'id')!.type));
    ownVariables.set(`${base}_present`, 'Boolean!');
    entityNames.add(field.name.value);
    const args: ArgumentNode[] = [{ kind: Kind.ARGUMENT, name: name('id'), value: variable(`${base}_id`) }];
    for (const extra of entity.extraArgs ?? []) {
      if (!target.args.some((a) => a.name === extra.name)) continue;
      ownVariables.set(`${base}_${extra.name}`, extra.type);
      args.push({ kind: Kind.ARGUMENT, name: name(extra.name), value: variable(`${base}_${extra.name}`) });
    }
    const present: DirectiveNode = {
      kind: Kind.DIRECTIVE,
      name: name('include'),
      arguments: [{ kind: Kind.ARGUMENT, name: name('if'), value: variable(`${base}_present`) }],
    };
    const inner = field.selectionSet!;
    return {
      kind: Kind.FIELD,
      alias: name(field.alias?.value ?? field.name.value),
      name: name(entity.queryField),
      arguments: args,
      directives: [...(field.directives ?? []), present],
      selectionSet: entity.onType
        ? selectionSet([{ kind: Kind.INLINE_FRAGMENT, typeCondition: { kind: Kind.NAMED_TYPE, name: name(entity.onType) }, selectionSet: inner }])
        : inner,
    };
  };

  // The event-level selection: entity fields become root fields, fragments on the event type
  // are inlined (their directives kept), envelope fields dropped.
  const hoist = (set: SelectionSetNode): SelectionNode[] =>
    set.selections.flatMap((selection): SelectionNode[] => {
      if (selection.kind === Kind.FIELD) {
        return ENVELOPE_FIELDS.has(selection.name.value) || !kind.fields[selection.name.value] ? [] : [entityField(selection)];
      }
      const inner = hoist(
        selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments.get(selection.name.value)!.selectionSet,
      );
      return inner.length === 0 ? [] : [{ kind: Kind.INLINE_FRAGMENT, directives: selection.directives, selectionSet: selectionSet(inner) }];
    });

  const rootSelections = hoist(rootField.selectionSet!);
  if (rootSelections.length === 0) {
    return { query: null, key: 'envelope-only', variablesFor: () => ({}) };
  }

  // Fragments the hoisted selections still spread (on entity types), transitively.
  const usedFragments = new Map<string, FragmentDefinitionNode>();
  const collectSpreads = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const def = fragments.get(spread.name.value);
        if (def && !usedFragments.has(def.name.value)) {
          usedFragments.set(def.name.value, def);
          collectSpreads(def);
        }
      },
    });
  collectSpreads(selectionSet(rootSelections));

  // Abstract types in the result are told apart by __typename when the event is shaped.
  const withTypenames = <T extends SelectionSetNode | FragmentDefinitionNode>(node: T): T =>
    visit(node, {
      Field: {
        leave(field) {
          if (!field.selectionSet || field.selectionSet.selections.some((s) => s.kind === Kind.FIELD && !s.alias && s.name.value === '__typename')) {
            return undefined;
          }
          return { ...field, selectionSet: selectionSet([...field.selectionSet.selections, { kind: Kind.FIELD, name: name('__typename') }]) };
        },
      },
    });

  const body = withTypenames(selectionSet(rootSelections));
  const fragmentDefs = [...usedFragments.values()].map(withTypenames);

  const clientVariables = new Set<string>();
  for (const node of [body, ...fragmentDefs]) {
    visit(node, {
      Variable(v) {
        if (!v.name.value.startsWith(PREFIX)) clientVariables.add(v.name.value);
      },
    });
  }
  const variableDefinitions: VariableDefinitionNode[] = [
    ...(operation.variableDefinitions ?? []).filter((d) => clientVariables.has(d.variable.name.value)),
    ...[...ownVariables].map(([v, t]): VariableDefinitionNode => ({ kind: Kind.VARIABLE_DEFINITION, variable: variable(v), type: typeNode(t) })),
  ];
  const query = print({
    kind: Kind.DOCUMENT,
    definitions: [
      { kind: Kind.OPERATION_DEFINITION, operation: 'query' as never, name: name(kind.eventTypeName), variableDefinitions, selectionSet: body },
      ...fragmentDefs,
    ],
  } as DocumentNode);

  const fixed: Record<string, unknown> = {};
  for (const v of clientVariables) if (v in input.variableValues) fixed[v] = input.variableValues[v];

  return {
    query,
    key: `${query}\n${stableStringify(fixed)}`,
    variablesFor(entities) {
      const vars: Record<string, unknown> = { ...fixed };
      for (const field of entityNames) {
        const id = entities.ids[field] ?? null;
        vars[`${PREFIX}${field}_id`] = id ?? '';
        vars[`${PREFIX}${field}_present`] = id !== null;
        for (const extra of kind.fields[field].extraArgs ?? []) {
          if (ownVariables.has(`${PREFIX}${field}_${extra.name}`)) vars[`${PREFIX}${field}_${extra.name}`] = entities.extra[extra.name] ?? null;
        }
      }
      return vars;
    },
  };
}
