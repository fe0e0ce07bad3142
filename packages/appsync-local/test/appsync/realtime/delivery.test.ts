/**
 * What a publication delivers to whom (docs/local-runtime.md, "Subscriptions"): mutation routing, payload shaping, argument
 * filtering, enhanced filters (every operator and the limits), invalidation filters, field auth.
 * Drives the hub directly; frames are collected as a connection would send them.
 */
import { buildSchema, parse, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createFieldAuthorizer } from '../../../src/appsync/graphql/authz.ts';
import {
  compilePlan,
  conditionMatches,
  createHub,
  filterMatches,
  validateFilter,
  type Subscriber,
} from '../../../src/appsync/realtime/index.ts';
import type { AuthResult, PreparedSubscription, SubscriptionFilter } from '../../../src/appsync/types.ts';
import { schema as tracker } from './doubles.ts';

const alice: AuthResult = {
  mode: 'AMAZON_COGNITO_USER_POOLS',
  identity: { sub: 'alice', issuer: 'x', username: 'alice', claims: {}, sourceIp: [], groups: null, defaultAuthStrategy: 'ALLOW' },
};
const token: AuthResult = { mode: 'AWS_LAMBDA', identity: { resolverContext: {} } };

interface Sent {
  id: string;
  payload: any;
}

function setup(schema: GraphQLSchema = tracker, maxPayloadBytes = 240 * 1024) {
  const sent: Sent[] = [];
  const invalidated: string[] = [];
  const hub = createHub({ maxPayloadBytes, log: () => undefined });
  const authorizer = createFieldAuthorizer(schema, 'AMAZON_COGNITO_USER_POOLS');
  let n = 0;
  function subscribe(
    query: string,
    opts: { args?: Record<string, unknown>; filter?: SubscriptionFilter; invalidationFilter?: SubscriptionFilter; auth?: AuthResult; variables?: Record<string, unknown> } = {},
  ): string {
    const document = parse(query);
    const field = /\{\s*(?:\w+\s*:\s*)?(\w+)/.exec(query)![1]!;
    const def = schema.getSubscriptionType()!.getFields()[field]!;
    const dir = def.astNode!.directives!.find((d) => d.name.value === 'aws_subscribe')!;
    const mutations = (dir.arguments![0]!.value as any).values.map((v: any) => v.value) as string[];
    const prepared: PreparedSubscription = {
      subscriptionField: field,
      mutations,
      arguments: opts.args ?? {},
      filter: opts.filter ?? null,
      invalidationFilter: opts.invalidationFilter ?? null,
      document,
      variables: opts.variables ?? {},
      auth: opts.auth ?? alice,
    };
    const id = `s${(n += 1)}`;
    const plan = compilePlan({ document, variables: prepared.variables, subscriptionField: field, auth: prepared.auth, schema, authorizer });
    const sub: Subscriber = {
      id,
      prepared,
      plan,
      planKey: JSON.stringify(plan),
      sink: {
        send: (frame) => {
          const f = JSON.parse(frame);
          sent.push({ id: f.id, payload: f.payload });
        },
        invalidated: (sid) => {
          invalidated.push(sid);
          hub.remove(sub);
        },
      },
    };
    hub.add(sub);
    return id;
  }
  const publish = (mutationField: string, result: unknown) => hub.publish({ mutationField, result, selectionSetList: [] });
  const ids = () => sent.map((s) => s.id);
  return { hub, sent, invalidated, subscribe, publish, ids };
}

const task = { id: 't1', projectId: 'p1', title: 'T', status: 'TODO', version: 2, updatedAt: '2024-01-01T00:00:00.000Z' };

describe('routing and shaping', () => {
  it('delivers the mutation’s own result shaped by the subscriber: aliases, unselected fields null, nested resolvers not run', () => {
    const t = setup();
    t.subscribe('subscription { changed: onTaskChanged(projectId: "p1") { id t: title description status version updatedAt } }', {
      args: { projectId: 'p1' },
    });
    t.publish('updateTask', { ...task, description: undefined, rank: 'ignored' });
    expect(t.sent).toEqual([
      {
        id: 's1',
        payload: { data: { changed: { id: 't1', t: 'T', description: null, status: 'TODO', version: 2, updatedAt: '2024-01-01T00:00:00.000Z' } } },
      },
    ]);
  });

  it('a non-null field the mutation did not select is an error that nulls the nearest nullable parent', () => {
    const t = setup();
    t.subscribe('subscription { onTaskChanged(projectId: "p1") { id key } }', { args: { projectId: 'p1' } });
    t.publish('updateTask', task);
    expect(t.sent[0]!.payload.data).toEqual({ onTaskChanged: null });
    expect(t.sent[0]!.payload.errors).toEqual([
      expect.objectContaining({
        path: ['onTaskChanged', 'key'],
        errorType: null,
        message: "Cannot return null for non-nullable type: 'String' within parent 'Task' (/onTaskChanged/key)",
      }),
    ]);
  });

  it('fills __typename and applies fragments and @include/@skip', () => {
    const t = setup();
    t.subscribe(
      'subscription S($full: Boolean!) { onTaskChanged(projectId: "p1") { __typename ...F title @include(if: $full) status @skip(if: true) } } fragment F on Task { id version }',
      { args: { projectId: 'p1' }, variables: { full: false } },
    );
    t.publish('updateTask', task);
    expect(t.sent[0]!.payload).toEqual({ data: { onTaskChanged: { __typename: 'Task', id: 't1', version: 2 } } });
  });

  it('routes only the mutations named by @aws_subscribe and ignores null or list results', () => {
    const t = setup();
    t.subscribe('subscription { onTaskChanged(projectId: "p1") { id } }', { args: { projectId: 'p1' } });
    t.publish('addComment', { id: 'c1', projectId: 'p1' });
    t.publish('createSprint', { id: 'x', projectId: 'p1' });
    t.publish('updateTask', null);
    t.publish('updateTask', [task]);
    t.publish('publishTaskChange', task);
    expect(t.ids()).toEqual(['s1']);
  });

  it('serializes once per distinct selection set (shared payload strings for equal plans)', () => {
    const t = setup();
    for (let i = 0; i < 3; i += 1) t.subscribe('subscription { onTaskChanged(projectId: "p1") { id title } }', { args: { projectId: 'p1' } });
    t.subscribe('subscription { onTaskChanged(projectId: "p1") { id } }', { args: { projectId: 'p1' } });
    t.publish('updateTask', task);
    expect(t.sent.map((s) => s.payload.data.onTaskChanged)).toEqual([{ id: 't1', title: 'T' }, { id: 't1', title: 'T' }, { id: 't1', title: 'T' }, { id: 't1' }]);
  });

  it('filters fields the subscriber’s auth mode may not read, with an Unauthorized error', () => {
    const schema = buildSchema(`
      directive @aws_subscribe(mutations: [String!]!) on FIELD_DEFINITION
      directive @aws_cognito_user_pools(cognito_groups: [String!]) on OBJECT | FIELD_DEFINITION
      directive @aws_lambda on OBJECT | FIELD_DEFINITION
      type Item @aws_cognito_user_pools @aws_lambda { id: ID! secret: String @aws_cognito_user_pools }
      type Query { item: Item }
      type Mutation { putItem: Item }
      type Subscription { onItem: Item @aws_subscribe(mutations: ["putItem"]) }
    `);
    const t = setup(schema);
    t.subscribe('subscription { onItem { id secret } }', { auth: token });
    t.subscribe('subscription { onItem { id secret } }', { auth: alice });
    t.publish('putItem', { id: 'i1', secret: 's3cret' });
    expect(t.sent[0]!.payload).toEqual({
      data: { onItem: { id: 'i1', secret: null } },
      errors: [expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access secret on type Item', path: ['onItem', 'secret'] })],
    });
    expect(t.sent[1]!.payload).toEqual({ data: { onItem: { id: 'i1', secret: 's3cret' } } });
  });
});

describe('argument filtering', () => {
  it('each supplied argument must equal the same-named payload field', () => {
    const t = setup();
    t.subscribe('subscription { onTaskChanged(projectId: "p1") { id } }', { args: { projectId: 'p1' } });
    t.subscribe('subscription { onTaskChanged(projectId: "p2") { id } }', { args: { projectId: 'p2' } });
    t.publish('updateTask', { ...task, projectId: 'p2' });
    expect(t.ids()).toEqual(['s2']);
  });

  it('fails silently when the mutation did not select the argument’s field', () => {
    const t = setup();
    t.subscribe('subscription { onTaskChanged(projectId: "p1") { id } }', { args: { projectId: 'p1' } });
    t.publish('updateTask', { id: 't1', title: 'no projectId selected' });
    expect(t.sent).toEqual([]);
  });

  it('an explicit null argument means the field is null', () => {
    const t = setup();
    t.subscribe('subscription { onCommentAdded(taskId: null) { id } }', { args: { taskId: null } });
    t.publish('addComment', { id: 'c1', taskId: 't1' });
    t.publish('addComment', { id: 'c2', taskId: null });
    expect(t.sent.map((s) => s.payload.data.onCommentAdded.id)).toEqual(['c2']);
  });
});

describe('enhanced filters', () => {
  it('replace argument filtering', () => {
    const t = setup();
    t.subscribe('subscription { onTaskChanged(projectId: "p1") { id } }', {
      args: { projectId: 'p1' },
      filter: { filterGroup: [{ filters: [{ fieldName: 'status', operator: 'eq', value: 'DONE' }] }] },
    });
    t.publish('updateTask', { ...task, projectId: 'other', status: 'DONE' });
    t.publish('updateTask', { ...task, status: 'TODO' });
    expect(t.sent.length).toBe(1);
  });

  it('OR groups, AND conditions, dotted names', () => {
    const filter: SubscriptionFilter = {
      filterGroup: [
        { filters: [{ fieldName: 'a.b.c', operator: 'eq', value: 1 }, { fieldName: 'x', operator: 'gt', value: 5 }] },
        { filters: [{ fieldName: 'y', operator: 'beginsWith', value: 'ab' }] },
      ],
    };
    expect(filterMatches(filter, { a: { b: { c: 1 } }, x: 6 })).toBe(true);
    expect(filterMatches(filter, { a: { b: { c: 1 } }, x: 5 })).toBe(false);
    expect(filterMatches(filter, { y: 'abc' })).toBe(true);
    expect(filterMatches(filter, [{ y: 'abc' }])).toBe(false);
  });

  it.each([
    ['eq', 'a', 'a', true],
    ['eq', 'a', 'A', false],
    ['eq', 1, '1', false],
    ['ne', 'a', 'b', true],
    ['ne', 'a', 'a', false],
    ['lt', 1, 2, true],
    ['lt', 2, 2, false],
    ['le', 2, 2, true],
    ['gt', 'b', 'a', true],
    ['ge', 1, 2, false],
    ['contains', 'hello', 'ell', true],
    ['contains', ['x', 'y'], 'y', true],
    ['contains', ['x'], 'z', false],
    ['notContains', ['x'], 'z', true],
    ['notContains', 'hello', 'ell', false],
    ['beginsWith', 'TW-42', 'TW-', true],
    ['beginsWith', 'TW-42', 'tw-', false],
    ['in', 'b', ['a', 'b'], true],
    ['in', 'c', ['a', 'b'], false],
    ['notIn', 'c', ['a', 'b'], true],
    ['notIn', 'a', ['a', 'b'], false],
    ['between', 5, [1, 10], true],
    ['between', 10, [1, 10], true],
    ['between', 11, [1, 10], false],
    ['containsAny', ['x', 'y'], ['z', 'y'], true],
    ['containsAny', ['x'], ['z'], false],
    ['eq', undefined, 'a', false],
    ['unknownOp', 'a', 'a', false],
  ] as const)('%s: field %j against %j → %s', (op, field, value, expected) => {
    expect(conditionMatches(op, field, value)).toBe(expected);
  });

  it('enforces AppSync’s limits', () => {
    const cond = (fieldName: string, operator = 'eq', value: unknown = 1) => ({ fieldName, operator, value });
    const ok = { filterGroup: [{ filters: [cond('a'), cond('b'), cond('c'), cond('d'), cond('e')] }] };
    expect(validateFilter(ok)).toBeNull();
    expect(validateFilter({ filterGroup: [{ filters: [...ok.filterGroup[0]!.filters, cond('f')] }] })).toMatch(/at most 5 fields/);
    expect(validateFilter({ filterGroup: Array.from({ length: 11 }, () => ({ filters: [cond('a')] })) })).toMatch(/at most 10 filters/);
    // Each value of an `in` counts as one ORed filter: 2 groups × in(5) + 1 = 11.
    expect(
      validateFilter({ filterGroup: [{ filters: [cond('a', 'in', [1, 2, 3, 4, 5])] }, { filters: [cond('a', 'in', [1, 2, 3, 4, 5])] }, { filters: [cond('b')] }] }),
    ).toMatch(/at most 10 filters/);
    expect(validateFilter({ filterGroup: [{ filters: [cond('a', 'in', [1, 2, 3, 4, 5, 6])] }] })).toMatch(/at most 5 values/);
    expect(validateFilter({ filterGroup: [{ filters: [cond('a', 'notIn', [1, 2, 3, 4, 5, 6])] }] })).toMatch(/at most 5 values/);
    expect(validateFilter({ filterGroup: [{ filters: [cond('a', 'containsAny', Array.from({ length: 21 }, (_, i) => i))] }] })).toMatch(/at most 20/);
    expect(validateFilter({ filterGroup: [{ filters: [cond('a', 'containsAny', Array.from({ length: 20 }, (_, i) => i))] }] })).toBeNull();
    expect(validateFilter({ filterGroup: [{ filters: [cond('a', 'eq', 'x'.repeat(257))] }] })).toMatch(/256/);
    expect(validateFilter({ filterGroup: [{ filters: [cond('a.b.c.d.e.f')] }] })).toMatch(/5 levels/);
    expect(validateFilter({ filterGroup: [{ filters: [cond('a.b.c.d.e')] }] })).toBeNull();
    expect(validateFilter({ filterGroup: [{ filters: [cond('a', 'regex')] }] })).toMatch(/Unsupported/);
    expect(validateFilter({ filterGroup: [{ filters: [cond('a', 'between', [1])] }] })).toMatch(/two values/);
  });

  it('indexes equality filters without losing subscribers that have none', () => {
    const t = setup();
    t.subscribe('subscription { onTaskChanged(projectId: "p1") { id } }', {
      filter: { filterGroup: [{ filters: [{ fieldName: 'projectId', operator: 'eq', value: 'p1' }, { fieldName: 'version', operator: 'ge', value: 2 }] }] },
    });
    t.subscribe('subscription { onTaskChanged(projectId: "p1") { id } }', {
      filter: { filterGroup: [{ filters: [{ fieldName: 'projectId', operator: 'in', value: ['p1', 'p3'] }] }] },
    });
    t.subscribe('subscription { onTaskChanged(projectId: "p9") { id } }', { args: { projectId: 'p9' } });
    t.publish('updateTask', task);
    t.publish('updateTask', { ...task, version: 1 });
    expect(t.ids()).toEqual(['s2', 's1', 's2']);
  });
});

describe('invalidation filters', () => {
  it('invalidate the subscribers whose filter matches the invalidation payload', () => {
    const t = setup();
    const inv = (user: string): SubscriptionFilter => ({
      filterGroup: [{ filters: [{ fieldName: 'projectId', operator: 'eq', value: 'p1' }, { fieldName: 'userId', operator: 'eq', value: user }] }],
    });
    t.subscribe('subscription { onTaskChanged(projectId: "p1") { id } }', { args: { projectId: 'p1' }, invalidationFilter: inv('alice') });
    t.subscribe('subscription { onTaskChanged(projectId: "p1") { id } }', { args: { projectId: 'p1' }, invalidationFilter: inv('bob') });
    t.hub.invalidate({ subscriptionField: 'onTaskChanged', payload: { projectId: 'p1', userId: 'alice' } });
    expect(t.invalidated).toEqual(['s1']);
    t.publish('updateTask', task);
    expect(t.ids()).toEqual(['s2']);
  });
});
