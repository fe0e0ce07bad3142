/**
 * The executor against the real APPSYNC_JS engine and real data sources (NONE, DynamoDB Local):
 * unit and pipeline resolvers, earlyReturn, AppSync's error entries, ctx, auth directives,
 * publication to subscribers and subscription starts.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { useDynamoDbTable } from '../../support/dynamodb.ts';
import { buildTestApp, cognitoUser, iamCaller, lambdaCaller, type Recorded } from './fixture.ts';
import type { LocalAppSync } from '../../../src/appsync/app.ts';
import type { AuthResult } from '../../../src/appsync/types.ts';
import { SubscriptionRejected } from '../../../src/appsync/graphql/executor.ts';

const db = useDynamoDbTable();
let app: LocalAppSync;
let recorded: Recorded;
beforeAll(() => {
  ({ app, recorded } = buildTestApp(db));
});

const run = (query: string, variables: Record<string, unknown> = {}, auth: AuthResult = cognitoUser()) =>
  app.execute({ query, variables, auth, headers: { 'x-test': ['a', 'b'], cookie: 'session=secret', host: 'localhost' } });

const at = (line: number, column: number) => [{ line, column, sourceName: null }];
const unauthorized = (path: (string | number)[], field: string, type: string, line: number, column: number) => ({
  path,
  data: null,
  errorType: 'Unauthorized',
  errorInfo: null,
  locations: at(line, column),
  message: `Not Authorized to access ${field} on type ${type}`,
});

describe('resolvers', () => {
  it('runs a unit resolver and nested field resolvers, with aliases', async () => {
    expect(await run('{ a: item(id: "1") { id name when child { id name } } }')).toEqual({
      data: { a: { id: '1', name: 'item 1', when: '2024-05-01T10:00:00Z', child: { id: '1/c', name: 'child of 1' } } },
    });
  });

  it('runs a pipeline: one stash throughout, prev.result chaining, a function\'s earlyReturn skipping only that function', async () => {
    const res = await run('{ pipeline(start: "go") }');
    expect(JSON.parse((res.data as { pipeline: string }).pipeline)).toEqual({
      prev: { skipped: true, kept: { step1: 'go' } },
      trail: ['before', 'step1:go', 'step2', 'step3', 'after'],
    });
    expect(res.errors).toBeUndefined();
  });

  it('earlyReturn in a unit request skips the data source and the response handler', async () => {
    expect(await run('{ early(value: "x") }')).toEqual({ data: { early: 'early:x' } });
  });

  it('builds ctx as AppSync does (cookie hidden, repeated headers as arrays, selection sets non-enumerable)', async () => {
    const res = await run('query Q($n: Int) { context(n: $n) }', { n: 3 });
    expect(JSON.parse((res.data as { context: string }).context)).toEqual({
      arguments: { n: 3 },
      args: { n: 3 },
      source: null,
      identity: cognitoUser().identity,
      stash: {},
      info: { fieldName: 'context', parentTypeName: 'Query', variables: { n: 3 } },
      selectionSetList: [],
      selectionSetGraphQL: '',
      headers: { 'x-test': ['a', 'b'], host: 'localhost' },
      domainName: null,
      env: { STAGE: 'test' },
    });
  });
});

describe('errors', () => {
  it('util.error aborts the field: errorType, errorInfo, data filtered by the selection set, path and locations', async () => {
    expect(await run('{ fail(kind: "error") { id name } }')).toEqual({
      data: { fail: null },
      errors: [
        {
          path: ['fail'],
          data: { id: 't1', name: 'n' },
          errorType: 'ConflictError',
          errorInfo: { expected: 3 },
          locations: at(1, 3),
          message: 'Task was changed',
        },
      ],
    });
  });

  it('util.unauthorized gives AppSync message', async () => {
    expect(await run('{ fail(kind: "unauthorized") { id } }')).toEqual({
      data: { fail: null },
      errors: [unauthorized(['fail'], 'fail', 'Query', 1, 3)],
    });
  });

  it('util.error with a non-string message is a silent no-op', async () => {
    expect(await run('{ fail(kind: "nonstring") { id } }')).toEqual({ data: { fail: { id: 'ok' } } });
  });

  it('util.appendError returns data and errors both', async () => {
    expect(await run('{ append }')).toEqual({
      data: { append: 'partial' },
      errors: [
        { path: ['append'], data: null, errorType: 'PartialResult', errorInfo: { skipped: 2 }, locations: at(1, 3), message: 'Something was skipped' },
      ],
    });
  });

  it('a data-source error is swallowed unless the response handler re-raises it', async () => {
    expect(await run('{ dsError }')).toEqual({ data: { dsError: 'swallowed' } });
    expect(await run('{ dsError(reRaise: true) }')).toEqual({
      data: { dsError: null },
      errors: [
        {
          path: ['dsError'],
          data: null,
          errorType: 'DynamoDB:ValidationException',
          errorInfo: null,
          locations: at(1, 3),
          message: 'The number of conditions on the keys is invalid',
        },
      ],
    });
  });

  it('a runtime error in resolver code becomes a field error with the error type', async () => {
    expect(await run('{ crash }')).toEqual({
      data: { crash: null },
      errors: [
        {
          path: ['crash'],
          data: null,
          errorType: 'TypeError',
          errorInfo: null,
          locations: at(1, 3),
          message: "Cannot read properties of undefined (reading 'deeper')",
        },
      ],
    });
  });

  it('words syntax, validation and variable errors as AppSync does, with no data', async () => {
    expect(await run('{ nope }')).toEqual({
      data: null,
      errors: [{ path: null, locations: at(1, 3), message: "Validation error of type FieldUndefined: Field 'nope' in type 'Query' is undefined @ 'nope'" }],
    });
    expect(await run('{ item(id: "1") { id nope } }')).toEqual({
      data: null,
      errors: [
        { path: null, locations: at(1, 22), message: "Validation error of type FieldUndefined: Field 'nope' in type 'Item' is undefined @ 'item/nope'" },
      ],
    });
    expect(await run('{ echo(value: ) }')).toEqual({
      data: null,
      errors: [{ path: null, locations: at(1, 15), message: "Invalid Syntax : offending token ')' at line 1 column 15" }],
    });
    expect(await run('query ($id: ID!) { item(id: $id) { id } }')).toEqual({
      data: null,
      errors: [{ path: null, locations: at(1, 8), message: "Variable 'id' has coerced Null value for NonNull type 'ID!'" }],
    });
  });

  it('answers a query string sent again exactly as the first time (parse and validation are kept per query)', async () => {
    for (const query of ['{ nope }', '{ echo(value: ) }', 'query ($id: ID!) { item(id: $id) { id } }', 'query A { item(id: "1") { id } } query B { item(id: "2") { id } }']) {
      const first = await run(query);
      expect(first.errors?.length).toBeGreaterThan(0);
      expect(await run(query)).toEqual(first);
    }
    // One document, two operations: the operation is still chosen per request.
    const two = 'query A { item(id: "1") { id } } query B { item(id: "2") { id } }';
    const pick = (operationName: string) => app.execute({ query: two, operationName, auth: cognitoUser(), headers: {} });
    expect(await pick('A')).toEqual({ data: { item: { id: '1' } } });
    expect(await pick('B')).toEqual({ data: { item: { id: '2' } } });
    expect((await pick('C')).errors?.[0]?.message).toBe("Unknown operation named 'C'.");
    expect(await run('query ($id: ID!) { item(id: $id) { id } }', { id: '7' })).toEqual({ data: { item: { id: '7' } } });
  });

  it('words a null in a non-null field as AppSync does and nulls the nearest nullable parent', async () => {
    expect(await run('{ items(count: 99) { id name } echo(value: "still here") }')).toEqual({
      data: { items: [null], echo: 'still here' },
      errors: [
        {
          path: ['items', 0, 'id'],
          data: null,
          errorType: null,
          errorInfo: null,
          locations: at(1, 22),
          message: "Cannot return null for non-nullable type: 'ID' within parent 'Item' (/items[0]/id)",
        },
      ],
    });
  });
});

describe('auth directives', () => {
  it('allows the default mode where no directive is present, and refuses other modes', async () => {
    expect(await run('{ echo(value: "hi") }')).toEqual({ data: { echo: 'hi' } });
    expect(await run('{ iamOnly echo(value: "x") }', {}, iamCaller)).toEqual({
      data: { iamOnly: 'iam', echo: null },
      errors: [unauthorized(['echo'], 'echo', 'Query', 1, 11)],
    });
  });

  it('checks cognito_groups', async () => {
    expect(await run('{ adminOnly }')).toEqual({ data: { adminOnly: null }, errors: [unauthorized(['adminOnly'], 'adminOnly', 'Query', 1, 3)] });
    expect(await run('{ adminOnly }', {}, cognitoUser(['Admins']))).toEqual({ data: { adminOnly: 'admin' } });
  });

  it("a field's directives replace its type's; a refused non-null field nulls its parent", async () => {
    expect(await run('{ item(id: "1") { id secret } }')).toEqual({
      data: { item: { id: '1', secret: null } },
      errors: [unauthorized(['item', 'secret'], 'secret', 'Item', 1, 22)],
    });
    expect(await run('{ item(id: "1") { id } }', {}, iamCaller)).toEqual({
      data: { item: null },
      errors: [unauthorized(['item', 'id'], 'id', 'Item', 1, 19)],
    });
  });

  it("refuses the fields a Lambda authorizer denied", async () => {
    expect(await run('{ item(id: "1") { id name } }', {}, lambdaCaller(['Item.name']))).toEqual({
      data: { item: { id: '1', name: null } },
      errors: [unauthorized(['item', 'name'], 'name', 'Item', 1, 22)],
    });
    expect(await run('{ item(id: "1") { id name } }', {}, lambdaCaller())).toEqual({ data: { item: { id: '1', name: 'item 1' } } });
  });
});

describe('subscriptions', () => {
  it('a mutation publishes each successful top-level field with its own selection, unaliased; at most 5 invalidations', async () => {
    recorded.published.length = 0;
    recorded.invalidated.length = 0;
    expect(await run('mutation { r: setName(id: "1", name: "n") { id nm: name } invalidate(id: "x") }')).toEqual({
      data: { r: { id: '1', nm: 'n' }, invalidate: 'done' },
    });
    expect(recorded.published).toEqual([
      { mutationField: 'setName', result: { id: '1', name: 'n' }, selectionSetList: ['id', 'name'] },
      { mutationField: 'invalidate', result: 'done', selectionSetList: [] },
    ]);
    expect(recorded.invalidated).toEqual([1, 2, 3, 4, 5].map((n) => ({ subscriptionField: 'onSetName', payload: { id: `x${n}` } })));
  });

  it('prepares a subscription: mutations, arguments, the filter its resolver set', async () => {
    const prepared = await app.prepareSubscription({
      query: 'subscription S($id: ID) { onSetName(id: $id) { id name } }',
      variables: { id: '1' },
      auth: cognitoUser(),
      headers: {},
    });
    expect({ ...prepared, document: undefined }).toEqual({
      subscriptionField: 'onSetName',
      mutations: ['setName'],
      arguments: { id: '1' },
      filter: { filterGroup: [{ filters: [{ fieldName: 'id', operator: 'eq', value: '1' }] }] },
      invalidationFilter: null,
      document: undefined,
      variables: { id: '1' },
      auth: cognitoUser(),
    });
  });

  it("refuses a start when the subscription resolver calls util.unauthorized, or the document is not a subscription", async () => {
    const refusal = (query: string) =>
      app.prepareSubscription({ query, auth: cognitoUser(), headers: {} }).then(
        () => null,
        (e: unknown) => (e instanceof SubscriptionRejected ? e.errors : e),
      );
    expect(await refusal('subscription { onSetName(id: "forbidden") { id } }')).toEqual([
      unauthorized(['onSetName'], 'onSetName', 'Subscription', 1, 16),
    ]);
    expect(await refusal('{ echo }')).toEqual([
      { path: null, locations: at(1, 1), message: 'Only subscription operations can be started on the real-time endpoint.' },
    ]);
  });
});

describe('internal failures', () => {
  const quietly = async <T,>(run: () => Promise<T>): Promise<{ value: T; logged: string }> => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    try {
      return { value: await run(), logged: logged.join('\n') };
    } finally {
      console.error = original;
    }
  };
  const secret = 'cannot read x of undefined at /work/secret/datasource.ts:12:7';

  it('of a data source reach the resolver as a generic InternalFailure; the details go to the log', async () => {
    const thrower = { invoke: async () => Promise.reject(new TypeError(secret)) };
    const { app: broken } = buildTestApp(db, {
      dataSources: { none: { type: 'NONE', ...thrower }, table: { type: 'AMAZON_DYNAMODB', ...thrower } },
    });
    const { value: res, logged } = await quietly(() =>
      broken.execute({ query: '{ dsError(reRaise: true) }', variables: {}, auth: cognitoUser(), headers: {} }),
    );
    expect(res).toEqual({
      data: { dsError: null },
      errors: [
        {
          path: ['dsError'],
          data: null,
          errorType: 'InternalFailure',
          errorInfo: null,
          locations: at(1, 3),
          message: 'An internal failure occurred in the data source.',
        },
      ],
    });
    expect(JSON.stringify(res)).not.toContain('/work/secret');
    expect(logged).toContain(secret);
  });

  it('of an AWS service pass on its own error type and message, as AppSync does', async () => {
    expect(await run('{ dsError(reRaise: true) }')).toMatchObject({
      errors: [{ errorType: 'DynamoDB:ValidationException', message: expect.stringMatching(/key/i) }],
    });
  });
});
