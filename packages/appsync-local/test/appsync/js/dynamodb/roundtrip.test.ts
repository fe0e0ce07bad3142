// Round trip: requests built by the helpers go through the package's DynamoDB data source to a real
// DynamoDB Local, proving the generated expressions, placeholders and typed values are valid DynamoDB
// and mean what we say, and that the data source translates them (merging the names/values of an
// update or key condition with those of its condition or filter) as AppSync does.
import { GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoDbDataSource } from '../../../../src/appsync/datasources/dynamodb.ts';
import { toAttributeMap } from '../../../../src/appsync/datasources/dynamodb/values.ts';
import { createDynamoDbHelpers } from '../../../../src/appsync/js/dynamodb/index.ts';
import { useDynamoDbTable } from '../../../support/dynamodb.ts';
import { invocation } from '../../datasources/context.ts';

// DynamoDB Local started by the package's startDynamoDbLocal, with the test table (string PK/SK).
const db = useDynamoDbTable();
const ddb = createDynamoDbHelpers();
const ops = ddb.operations;

/** A data-source error as a thrown Error (`type` is AppSync's errorType, e.g. DynamoDB:ConditionalCheckFailedException). */
class DataSourceError extends Error {
  constructor(readonly type: string, message: string) {
    super(`${type}: ${message}`);
  }
}

/** Runs one request object through the data source; its result, or its error thrown. */
async function run(req: Record<string, unknown>): Promise<any> {
  const ds = createDynamoDbDataSource({ client: db.client, tableName: db.tableName, tokenSecret: 'roundtrip' });
  const { result, error } = await ds.invoke(invocation(req));
  if (error) throw new DataSourceError(error.type, error.message);
  return result;
}

const sendPut = (req: Record<string, unknown>) => run(req);
const sendQuery = async (req: Record<string, unknown>) => (await run(req)).items as Record<string, unknown>[];

/** The item as DynamoDB holds it (sets stay sets), read with the SDK rather than the data source. */
async function rawItem(typedKey: unknown) {
  const out = await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: toAttributeMap(typedKey, 'key'), ConsistentRead: true }));
  return out.Item ? unmarshall(out.Item as Record<string, AttributeValue>) : undefined;
}

/** AppSync's JSON form of an item: sets are plain arrays there. */
const asJson = (item: unknown) => JSON.parse(JSON.stringify(item ?? null, (_k, v: unknown) => (v instanceof Set ? [...v] : v)));

/** The item as stored, after checking the data source's ALL_NEW answer is that item. */
async function sendUpdate(req: Record<string, unknown>) {
  const result = await run(req);
  const stored = await rawItem(req.key);
  expect(result).toEqual(asJson(stored));
  return stored;
}

/** The item as stored, after checking the data source's GetItem answer is that item. */
async function getItem(key: Record<string, unknown>) {
  const req = ddb.get({ key, consistentRead: true });
  const result = await run(req);
  const stored = await rawItem(req.key);
  expect(result).toEqual(asJson(stored));
  return stored;
}

describe('helpers round trip through DynamoDB Local', () => {
  const key = { PK: 'PROJECT#p1', SK: 'TASK#t1' };

  it('put with a condition creates once, then the condition rejects a second create', async () => {
    const item = { title: 'Write docs', version: 1, points: 0, remaining: 0, tags: ddb.toStringSet(['a']), address: { city: 'Oslo', zip: '0150', visits: 0 }, list: [1, 2], front: ['b'], items: ['x', 'y', 'z'], nothing: null };
    const create = ddb.put({ key, item, condition: { PK: { attributeExists: false } } });
    await sendPut(create);
    expect(await getItem(key)).toMatchObject({ title: 'Write docs', version: 1, tags: new Set(['a']), nothing: null });
    // The same create again finds exactly the item it would write: AppSync counts that as done.
    await expect(sendPut(create)).resolves.toMatchObject({ title: 'Write docs', version: 1 });
    const other = ddb.put({ key, item: { ...item, title: 'Other docs' }, condition: { PK: { attributeExists: false } } });
    await expect(sendPut(other)).rejects.toMatchObject({ type: 'DynamoDB:ConditionalCheckFailedException' });
    expect(await getItem(key)).toMatchObject({ title: 'Write docs' });
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
    await expect(sendUpdate(req)).rejects.toMatchObject({ type: 'DynamoDB:ConditionalCheckFailedException' });
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
    const out = (await run(req)) as { items: { SK: string }[]; nextToken: string | null };
    expect(out.nextToken).toBeNull(); // one page: every item was scanned
    expect(out.items.map((i) => i.SK).sort()).toEqual(['TASK#0', 'TASK#1', 'TASK#2']);
  });
});
