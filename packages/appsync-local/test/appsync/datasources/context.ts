/** A minimal resolver context for data-source tests. */
import type { ContextInput, DataSourceInvocation } from '../../../src/appsync/types.ts';

export function testContext(over: Partial<ContextInput> = {}): ContextInput {
  return {
    arguments: {},
    source: null,
    identity: null,
    stash: {},
    info: { fieldName: 'field', parentTypeName: 'Query', variables: {}, selectionSetList: [], selectionSetGraphQL: '' },
    request: { headers: {}, domainName: null },
    env: {},
    ...over,
  };
}

export function invocation(request: unknown, resolverId = 'Query.field', ctx = testContext()): DataSourceInvocation {
  return { request, resolverId, ctx };
}
