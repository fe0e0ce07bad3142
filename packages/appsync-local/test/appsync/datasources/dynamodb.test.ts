import { describe, expect, it, vi } from 'vitest';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { useDynamoDbTable } from '../../support/dynamodb.ts';
import { createDynamoDbDataSource, type ConditionHandler } from '../../../src/appsync/datasources/dynamodb.ts';
import type { DataSource } from '../../../src/appsync/types.ts';
import { invocation } from './context.ts';

const db = useDynamoDbTable();
const S = (s: string) => ({ S: s });
const key = (pk: string, sk = 'A') => ({ PK: S(pk), SK: S(sk) });

function source(customHandler?: ConditionHandler): DataSource {
  return createDynamoDbDataSource({ client: db.client, tableName: db.tableName, tokenSecret: 'test-secret', customHandler });
}
const run = (request: unknown, resolverId?: string, ds = source()) => ds.invoke(invocation(request, resolverId));

async function rawItem(pk: string, sk = 'A') {
  const { Item } = await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: key(pk, sk), ConsistentRead: true }));
  return Item ?? null;
}

describe('DynamoDB data source: single items', () => {
  it('PutItem returns the item written, with typed values converted to plain JSON', async () => {
    const res = await run({
      operation: 'PutItem',
      key: key('put1'),
      attributeValues: {
        n: { N: 1234 },
        n2: { N: '5.5' },
        ok: { BOOL: true },
        nothing: { NULL: true },
        tags: { SS: ['a', 'b'] },
        nums: { NS: [1, '2'] },
        bin: { B: Buffer.from('hi').toString('base64') },
        list: { L: [S('x'), { N: 1 }] },
        map: { M: { inner: S('y') } },
      },
    });
    expect(res.error ?? null).toBeNull();
    expect(res.result).toEqual({
      PK: 'put1', SK: 'A', n: 1234, n2: 5.5, ok: true, nothing: null, tags: ['a', 'b'], nums: [1, 2],
      bin: Buffer.from('hi').toString('base64'), list: ['x', 1], map: { inner: 'y' },
    });
    expect((await rawItem('put1'))?.n).toEqual({ N: '1234' });
  });

  it('GetItem returns the item, honours projection, and null when absent', async () => {
    await run({ operation: 'PutItem', key: key('get1'), attributeValues: { title: S('T'), size: { N: 3 } } });
    expect((await run({ operation: 'GetItem', key: key('get1'), consistentRead: true })).result).toEqual({
      PK: 'get1', SK: 'A', title: 'T', size: 3,
    });
    const projected = await run({
      operation: 'GetItem', key: key('get1'), projection: { expression: '#t', expressionNames: { '#t': 'title' } },
    });
    expect(projected.result).toEqual({ title: 'T' });
    expect(await run({ operation: 'GetItem', key: key('nope') })).toEqual({ result: null });
  });

  it('UpdateItem returns ALL_NEW and merges update and condition placeholders', async () => {
    await run({ operation: 'PutItem', key: key('upd1'), attributeValues: { count: { N: 1 }, owner: S('me') } });
    const res = await run({
      operation: 'UpdateItem',
      key: key('upd1'),
      update: { expression: 'SET #c = #c + :one', expressionNames: { '#c': 'count' }, expressionValues: { ':one': { N: 1 } } },
      condition: { expression: '#o = :me', expressionNames: { '#o': 'owner' }, expressionValues: { ':me': S('me') } },
      _version: 3,
    });
    expect(res).toEqual({ result: { PK: 'upd1', SK: 'A', count: 2, owner: 'me' } });
  });

  it('DeleteItem returns ALL_OLD (null when nothing was there)', async () => {
    await run({ operation: 'PutItem', key: key('del1'), attributeValues: { a: S('x') } });
    expect((await run({ operation: 'DeleteItem', key: key('del1') })).result).toEqual({ PK: 'del1', SK: 'A', a: 'x' });
    expect(await rawItem('del1')).toBeNull();
    expect((await run({ operation: 'DeleteItem', key: key('del1') })).result).toBeNull();
  });

  it('reports DynamoDB exceptions as DynamoDB:<name> with the service message', async () => {
    const res = await run({ operation: 'GetItem', key: { PK: S('only-pk') } });
    expect(res.error?.type).toBe('DynamoDB:ValidationException');
    expect(res.error?.message).toMatch(/key/i);
  });

  it('rejects malformed requests and unknown operations with clear MappingTemplate errors', async () => {
    expect((await run({ operation: 'Frobnicate' })).error).toEqual({
      type: 'MappingTemplate', message: expect.stringContaining("Unsupported operation 'Frobnicate'"),
    });
    expect((await run({ operation: 'GetItem' })).error).toEqual({
      type: 'MappingTemplate', message: "Value for field '$[key]' not found.",
    });
    expect((await run({ key: key('x') })).error?.message).toBe("Value for field '$[operation]' not found.");
    expect((await run({ operation: 'GetItem', key: { PK: { X: 1 }, SK: S('A') } })).error).toEqual({
      type: 'MappingTemplate', message: expect.stringContaining('Invalid DynamoDB typed value at key.PK'),
    });
    expect((await run({ operation: 'PutItem', key: key('bad'), attributeValues: { n: { N: 'abc' } } })).error?.type).toBe('MappingTemplate');
    expect((await run(null)).error?.type).toBe('MappingTemplate');
  });
});

describe('DynamoDB data source: failed conditions', () => {
  const notExists = { expression: 'attribute_not_exists(PK)' };

  it('PutItem: the current item equal to the desired one (minus equalsIgnore) counts as success', async () => {
    await run({ operation: 'PutItem', key: key('c1'), attributeValues: { v: { N: 1 }, tags: { SS: ['b', 'a'] }, at: S('t1') } });
    const same = await run({
      operation: 'PutItem', key: key('c1'), attributeValues: { v: { N: '1' }, tags: { SS: ['a', 'b'] }, at: S('t2') },
      condition: { ...notExists, equalsIgnore: ['at'] },
    });
    expect(same.error ?? null).toBeNull();
    expect(same.result).toEqual({ PK: 'c1', SK: 'A', v: 1, tags: expect.arrayContaining(['a', 'b']), at: 't1' });
  });

  it('PutItem with a different item is rejected: error plus the current item as result', async () => {
    const res = await run({ operation: 'PutItem', key: key('c1'), attributeValues: { v: { N: 2 } }, condition: notExists });
    expect(res.error).toEqual({ type: 'DynamoDB:ConditionalCheckFailedException', message: 'The conditional request failed' });
    expect(res.result).toMatchObject({ PK: 'c1', v: 1 });
    expect((await rawItem('c1'))?.v).toEqual({ N: '1' });
  });

  it('DeleteItem of an absent item counts as success', async () => {
    const res = await run({ operation: 'DeleteItem', key: key('c-absent'), condition: { expression: 'attribute_exists(PK)' } });
    expect(res).toEqual({ result: null });
  });

  it('UpdateItem follows the strategy even when it would change nothing', async () => {
    await run({ operation: 'PutItem', key: key('c2'), attributeValues: { v: { N: 5 } } });
    const res = await run({
      operation: 'UpdateItem', key: key('c2'),
      update: { expression: 'SET v = :v', expressionValues: { ':v': { N: 5 } } },
      condition: { expression: 'v = :old', expressionValues: { ':old': { N: 4 } } },
    });
    expect(res.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(res.result).toEqual({ PK: 'c2', SK: 'A', v: 5 });
  });

  it('Custom: the handler gets AppSync\'s event and can discard, reject or retry', async () => {
    await run({ operation: 'PutItem', key: key('c3'), attributeValues: { v: { N: 10 } } });
    const replies: unknown[] = [{ action: 'discard' }, { action: 'reject' }];
    const handler = vi.fn<ConditionHandler>(async () => replies.shift());
    const ds = source(handler);
    const request = {
      operation: 'UpdateItem', key: key('c3'),
      update: { expression: 'SET v = :v', expressionValues: { ':v': { N: 11 } } },
      condition: {
        expression: 'v = :old', expressionValues: { ':old': { N: 9 } },
        conditionalCheckFailedHandler: { strategy: 'Custom', lambdaArn: 'arn:aws:lambda:us-east-1:1:function:f' },
      },
    };
    const ctx = invocation(request, 'Mutation.bump');
    ctx.ctx.arguments = { id: 'c3' };
    expect(await ds.invoke(ctx)).toEqual({ result: { PK: 'c3', SK: 'A', v: 10 } }); // discard
    expect(handler.mock.calls[0]![0]).toEqual({
      arguments: { id: 'c3' },
      requestMapping: request,
      currentValue: { PK: 'c3', SK: 'A', v: 10 },
      resolver: { tableName: db.tableName, awsRegion: 'us-east-1', parentType: 'Query', field: 'field', outputs: null },
      identity: null,
    });
    expect(handler.mock.calls[0]![1]).toBe('arn:aws:lambda:us-east-1:1:function:f');
    expect((await ds.invoke(ctx)).error?.type).toBe('DynamoDB:ConditionalCheckFailedException'); // reject

    replies.push({
      action: 'retry',
      retryMapping: { ...request, condition: { expression: 'v = :old', expressionValues: { ':old': { N: 10 } } } },
    });
    expect(await ds.invoke(ctx)).toEqual({ result: { PK: 'c3', SK: 'A', v: 11 } });
  });

  it('Custom: endless retries are bounded and end in a rejection', async () => {
    await run({ operation: 'PutItem', key: key('c4'), attributeValues: { v: { N: 1 } } });
    const request = {
      operation: 'DeleteItem', key: key('c4'),
      condition: {
        expression: 'v = :x', expressionValues: { ':x': { N: 99 } },
        conditionalCheckFailedHandler: { strategy: 'Custom', lambdaArn: 'arn' },
      },
    };
    const handler = vi.fn<ConditionHandler>(async () => ({ action: 'retry', retryMapping: request }));
    const res = await source(handler).invoke(invocation(request));
    expect(res.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(handler).toHaveBeenCalledTimes(4);
    expect(await rawItem('c4')).not.toBeNull();
  });
});

describe('DynamoDB data source: Query, Scan, Sync and nextToken', () => {
  it('pages a Query across pages with filter, index, order and scannedCount', async () => {
    for (let i = 0; i < 7; i += 1) {
      await db.client.send(new PutItemCommand({
        TableName: db.tableName,
        Item: { PK: S('Q'), SK: S(`I#${i}`), n: { N: String(i) }, GSI2PK: S('COL'), GSI2SK: S(`r${i}`) },
      }));
    }
    const base = {
      operation: 'Query',
      query: { expression: 'PK = :pk AND begins_with(SK, :p)', expressionValues: { ':pk': S('Q'), ':p': S('I#') } },
      filter: { expression: '#n <> :three', expressionNames: { '#n': 'n' }, expressionValues: { ':three': { N: 3 } } },
      limit: 3,
      scanIndexForward: false,
      consistentRead: true,
    };
    const seen: number[] = [];
    let nextToken: string | null = null;
    const scanned: number[] = [];
    do {
      const res = await run({ ...base, nextToken });
      expect(res.error ?? null).toBeNull();
      const page = res.result as { items: { n: number }[]; nextToken: string | null; scannedCount: number };
      seen.push(...page.items.map((it) => it.n));
      scanned.push(page.scannedCount);
      nextToken = page.nextToken;
    } while (nextToken);
    expect(seen).toEqual([6, 5, 4, 2, 1, 0]);
    expect(scanned.reduce((a, b) => a + b, 0)).toBe(7);

    const byIndex = await run({
      operation: 'Query', index: 'byStatus', select: 'ALL_ATTRIBUTES',
      query: { expression: 'GSI2PK = :c AND GSI2SK BETWEEN :a AND :b', expressionValues: { ':c': S('COL'), ':a': S('r2'), ':b': S('r4') } },
      projection: { expression: 'n' },
    });
    expect(byIndex.error?.type).toBe('DynamoDB:ValidationException'); // projection with ALL_ATTRIBUTES
    const projected = await run({
      operation: 'Query', index: 'byStatus',
      query: { expression: 'GSI2PK = :c AND GSI2SK BETWEEN :a AND :b', expressionValues: { ':c': S('COL'), ':a': S('r2'), ':b': S('r4') } },
      projection: { expression: 'n' },
    });
    expect(projected.result).toEqual({ items: [{ n: 2 }, { n: 3 }, { n: 4 }], nextToken: null, scannedCount: 3 });
  });

  it('rejects a nextToken replayed by another resolver, another index, or tampered', async () => {
    const request = { operation: 'Query', query: { expression: 'PK = :pk', expressionValues: { ':pk': S('Q') } }, limit: 2 };
    const first = (await run(request, 'Query.listA')).result as { nextToken: string };
    expect(first.nextToken).toEqual(expect.any(String));
    expect(first.nextToken).not.toContain('I#'); // opaque
    expect((await run({ ...request, nextToken: first.nextToken }, 'Query.listA')).error ?? null).toBeNull();

    const invalid = {
      type: 'DynamoDB:UserIllegalArgumentException',
      message: 'com.amazonaws.deepdish.common.pagination.InvalidPaginationTokenException: Invalid pagination token given.',
    };
    expect(await run({ ...request, nextToken: first.nextToken }, 'Query.listB')).toEqual({ result: null, error: invalid });
    expect((await run({ ...request, index: 'byStatus', nextToken: first.nextToken }, 'Query.listA')).error).toEqual(invalid);
    expect((await run({ operation: 'Scan', nextToken: first.nextToken }, 'Query.listA')).error).toEqual(invalid);
    const t = first.nextToken;
    const tampered = t.slice(0, -2) + (t.at(-2) === 'A' ? 'B' : 'A') + t.at(-1);
    expect((await run({ ...request, nextToken: tampered }, 'Query.listA')).error).toEqual(invalid);
    expect((await run({ ...request, nextToken: 'garbage' }, 'Query.listA')).error).toEqual(invalid);
    const otherSecret = createDynamoDbDataSource({ client: db.client, tableName: db.tableName, tokenSecret: 'other' });
    expect((await run({ ...request, nextToken: t }, 'Query.listA', otherSecret)).error).toEqual(invalid);
  });

  it('Scan pages through segments; Sync adds startedAt', async () => {
    const all = new Set<string>();
    for (const segment of [0, 1]) {
      let nextToken: string | null = null;
      do {
        const res = await run({
          operation: 'Scan', segment, totalSegments: 2, limit: 4, nextToken,
          filter: { expression: 'PK = :q', expressionValues: { ':q': S('Q') } },
        });
        expect(res.error ?? null).toBeNull();
        const page = res.result as { items: { SK: string }[]; nextToken: string | null };
        page.items.forEach((it) => all.add(it.SK));
        nextToken = page.nextToken;
      } while (nextToken);
    }
    expect([...all].sort()).toEqual(['I#0', 'I#1', 'I#2', 'I#3', 'I#4', 'I#5', 'I#6']);
    expect((await run({ operation: 'Scan', segment: 2, totalSegments: 2 })).error?.type).toBe('MappingTemplate');

    const before = Date.now();
    const sync = await run({ operation: 'Sync', limit: 100, filter: { expression: 'PK = :q', expressionValues: { ':q': S('Q') } } });
    const result = sync.result as { items: unknown[]; startedAt: number; scannedCount: number };
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.startedAt).toBeGreaterThanOrEqual(before);
  });
});

describe('DynamoDB data source: batches', () => {
  it('BatchPutItem, BatchGetItem (key order, null for missing) and BatchDeleteItem', async () => {
    const put = await run({
      operation: 'BatchPutItem',
      tables: { [db.tableName]: [{ ...key('b1'), v: { N: 1 } }, { ...key('b2'), v: { N: 2 } }] },
    });
    expect(put).toEqual({
      result: {
        data: { [db.tableName]: [{ PK: 'b1', SK: 'A', v: 1 }, { PK: 'b2', SK: 'A', v: 2 }] },
        unprocessedItems: { [db.tableName]: [] },
      },
    });
    const get = await run({
      operation: 'BatchGetItem',
      tables: { [db.tableName]: { keys: [key('b2'), key('missing'), key('b1')], consistentRead: true, projection: { expression: 'v' } } },
    });
    expect(get).toEqual({
      result: {
        data: { [db.tableName]: [{ PK: 'b2', SK: 'A', v: 2 }, null, { PK: 'b1', SK: 'A', v: 1 }] },
        unprocessedKeys: { [db.tableName]: [] },
      },
    });
    const del = await run({ operation: 'BatchDeleteItem', tables: { [db.tableName]: [key('b1')] } });
    expect(del.result).toEqual({ data: { [db.tableName]: [{ PK: 'b1', SK: 'A' }] }, unprocessedKeys: { [db.tableName]: [] } });
    expect(await rawItem('b1')).toBeNull();
  });

  it('a partial batch returns the unprocessed keys and sets the error', async () => {
    await run({ operation: 'PutItem', key: key('u1'), attributeValues: {} });
    await run({ operation: 'PutItem', key: key('u2'), attributeValues: {} });
    // DynamoDB Local never throttles: make the real response partial by moving u2 to UnprocessedKeys.
    const ds = source();
    const remove = db.intercept({
      response(call, output) {
        const responses = output.Responses?.[db.tableName] as { PK: { S: string } }[] | undefined;
        if (call.operation !== 'BatchGetItem' || !responses) return;
        output.Responses[db.tableName] = responses.filter((i) => i.PK.S !== 'u2');
        output.UnprocessedKeys = { [db.tableName]: { Keys: [key('u2')] } };
      },
    });
    try {
      const res = await ds.invoke(invocation({ operation: 'BatchGetItem', tables: { [db.tableName]: { keys: [key('u1'), key('u2')] } } }));
      expect(res.result).toEqual({
        data: { [db.tableName]: [{ PK: 'u1', SK: 'A' }, null] },
        unprocessedKeys: { [db.tableName]: [{ PK: 'u2', SK: 'A' }] },
      });
      expect(res.error?.type).toBe('DynamoDB:ProvisionedThroughputExceededException');
    } finally {
      remove();
    }
  });
  it('a partial BatchPutItem returns the unprocessed items in their own block and nulls their slots', async () => {
    // Drop the second put from the real request and report it back as unprocessed, as DynamoDB does.
    let dropped: unknown[] | undefined;
    const remove = db.intercept({
      request(call) {
        if (call.operation === 'BatchWriteItem') dropped = call.input.RequestItems?.[db.tableName]?.splice(1, 1);
      },
      response(call, output) {
        if (call.operation === 'BatchWriteItem' && dropped?.length) output.UnprocessedItems = { [db.tableName]: dropped };
      },
    });
    try {
      const res = await run({ operation: 'BatchPutItem', tables: { [db.tableName]: [key('p1'), { ...key('p2'), v: { N: 2 } }] } });
      expect(res.result).toEqual({
        data: { [db.tableName]: [{ PK: 'p1', SK: 'A' }, null] },
        unprocessedItems: { [db.tableName]: [{ PK: 'p2', SK: 'A', v: 2 }] },
      });
      expect(res.error?.type).toBe('DynamoDB:ProvisionedThroughputExceededException');
      expect(await rawItem('p1')).not.toBeNull();
      expect(await rawItem('p2')).toBeNull();
    } finally {
      remove();
    }
  });
});

describe('DynamoDB data source: transactions', () => {
  it('TransactWriteItems writes everything and returns the keys', async () => {
    await run({ operation: 'PutItem', key: key('t-check'), attributeValues: { ok: { BOOL: true } } });
    await run({ operation: 'PutItem', key: key('t-del'), attributeValues: {} });
    await run({ operation: 'PutItem', key: key('t-upd'), attributeValues: { n: { N: 1 } } });
    const res = await run({
      operation: 'TransactWriteItems',
      transactItems: [
        { table: db.tableName, operation: 'PutItem', key: key('t-put'), attributeValues: { a: S('x') }, condition: { expression: 'attribute_not_exists(PK)' } },
        { table: db.tableName, operation: 'UpdateItem', key: key('t-upd'), update: { expression: 'SET n = n + :one', expressionValues: { ':one': { N: 1 } } } },
        { table: db.tableName, operation: 'DeleteItem', key: key('t-del') },
        { table: db.tableName, operation: 'ConditionCheck', key: key('t-check'), condition: { expression: 'ok = :t', expressionValues: { ':t': { BOOL: true } } } },
      ],
    });
    expect(res).toEqual({
      result: {
        keys: [{ PK: 't-put', SK: 'A' }, { PK: 't-upd', SK: 'A' }, { PK: 't-del', SK: 'A' }, { PK: 't-check', SK: 'A' }],
        cancellationReasons: null,
      },
    });
    expect((await rawItem('t-upd'))?.n).toEqual({ N: '2' });
    expect(await rawItem('t-del')).toBeNull();
  });

  it('a cancelled TransactWriteItems leaves the table unchanged and returns cancellationReasons', async () => {
    const res = await run({
      operation: 'TransactWriteItems',
      transactItems: [
        { table: db.tableName, operation: 'PutItem', key: key('t-new'), attributeValues: { a: S('y') } },
        { table: db.tableName, operation: 'UpdateItem', key: key('t-upd'), update: { expression: 'SET n = :z', expressionValues: { ':z': { N: 0 } } } },
        { table: db.tableName, operation: 'ConditionCheck', key: key('t-check'), condition: { expression: 'ok = :f', expressionValues: { ':f': { BOOL: false } } } },
      ],
    });
    expect(res.error?.type).toBe('DynamoDB:TransactionCanceledException');
    expect(res.result).toEqual({
      keys: null,
      cancellationReasons: [
        { type: 'None', message: null },
        { type: 'None', message: null },
        { type: 'ConditionalCheckFailed', message: expect.any(String), item: { PK: 't-check', SK: 'A', ok: true } },
      ],
    });
    expect(await rawItem('t-new')).toBeNull();
    expect((await rawItem('t-upd'))?.n).toEqual({ N: '2' });
  });

  it('TransactGetItems returns items in order, null for missing', async () => {
    const res = await run({
      operation: 'TransactGetItems',
      transactItems: [
        { table: db.tableName, key: key('t-upd'), projection: { expression: 'n' } },
        { table: db.tableName, key: key('t-none') },
        { table: db.tableName, key: key('t-check') },
      ],
    });
    expect(res).toEqual({ result: { items: [{ n: 2 }, null, { PK: 't-check', SK: 'A', ok: true }], cancellationReasons: null } });
    expect((await run({ operation: 'TransactWriteItems', transactItems: [{ table: db.tableName, operation: 'Nope', key: key('x') }] })).error?.type).toBe('MappingTemplate');
  });
});
