/**
 * What a mutation tells the subscription hub (realtime/hub.ts): each top-level mutation field that
 * succeeded, unaliased, with its own selection, and the invalidations its resolvers asked for.
 */
import { getNamedType, Kind, type ExecutionResult, type FieldNode, type FragmentDefinitionNode, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { InvalidationRequest, SubscriptionHub } from '../types.ts';
import { selectionSetList, topLevelFields, unaliased } from './selection.ts';

/** AppSync caps `extensions.invalidateSubscriptions` at five per request (docs/local-runtime.md, "Subscriptions"). */
export const MAX_INVALIDATIONS_PER_REQUEST = 5;

/** After a mutation: each top-level field that succeeded is published with its own selection. */
export function publishMutation(
  hub: SubscriptionHub | null | undefined,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  result: ExecutionResult,
  state: { fragments: Record<string, FragmentDefinitionNode>; invalidations: InvalidationRequest[] },
): void {
  if (!hub || operation.operation !== 'mutation' || !result.data) return;
  const failed = new Set((result.errors ?? []).map((e) => e.path?.[0]).filter((k) => k !== undefined));
  const mutationType = schema.getMutationType();
  for (const node of topLevelFields(operation, state.fragments)) {
    const key = node.alias?.value ?? node.name.value;
    const value = (result.data as Record<string, unknown>)[key];
    if (value === null || value === undefined || failed.has(key) || !mutationType) continue;
    const def = mutationType.getFields()[node.name.value];
    if (!def) continue;
    const type = getNamedType(def.type);
    hub.publish({
      mutationField: node.name.value,
      result: unaliased(value, type, node.selectionSet, state.fragments),
      selectionSetList: unaliasedList(schema, type, node, state.fragments),
    });
  }
  for (const invalidation of state.invalidations.slice(0, MAX_INVALIDATIONS_PER_REQUEST)) hub.invalidate(invalidation);
}

/** The selection of a published mutation field as field-name paths (the payload is unaliased too). */
function unaliasedList(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  node: FieldNode,
  fragments: Record<string, FragmentDefinitionNode>,
): string[] {
  const strip = (n: FieldNode): FieldNode => ({
    ...n,
    alias: undefined,
    selectionSet: n.selectionSet && {
      ...n.selectionSet,
      selections: n.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? strip(s) : s)),
    },
  });
  return selectionSetList(schema, type, [strip(node)], fragments);
}
