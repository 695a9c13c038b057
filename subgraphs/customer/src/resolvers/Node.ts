import type { NodeResolvers } from '../generated/resolvers';

/** The concrete type of a Node is known from its id prefix (see Query.node). */
export const Node: NodeResolvers = {
  __resolveType: (obj) => (obj as unknown as { __typename: never }).__typename,
};
