// The `@aws-appsync/utils/dynamodb` module: request shapes from the developer guide (built-in-modules-js,
// js-resolver-reference-dynamodb) and @aws-appsync/utils lib/resolver-return-types.d.ts; the
// examples are the ones in lib/dynamodb-helpers.d.ts. AppSync's own
// `get({ key: { id: 'id' } })` is `{ operation: 'GetItem', key: { id: { S: 'id' } } }`: optional
// fields appear only when given.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createDynamoDbHelpers } from '../../../../src/appsync/js/dynamodb/index.ts';

const ddb = createDynamoDbHelpers();
const ops = ddb.operations;
const S = (v: string) => ({ S: v });
const N = (v: number) => ({ N: v });

describe('single-item helpers', () => {
  it('get: key marshalled as toMapValues; consistentRead and projection only when given', () => {
    expect(ddb.get({ key: { id: 'id' } })).toEqual({ operation: 'GetItem', key: { id: S('id') } });
    expect(ddb.get({ key: { id: 1 }, consistentRead: true, projection: ['id', 'name', 'nested.object[1]'] })).toEqual({
      operation: 'GetItem',
      key: { id: N(1) },
      consistentRead: true,
      projection: { expression: '#id, #name, #nested.#object[1]', expressionNames: { '#id': 'id', '#name': 'name', '#nested': 'nested', '#object': 'object' } },
    });
  });

  it('put: the typings example with an owner condition', () => {
    expect(
      ddb.put({
        key: { id: 'XXXXXXXXXXXXXXXX' },
        condition: { owner: { eq: 'XXXXXXXXXXXXXXXX' } },
        item: { title: 'New Task', description: 'New Task Description', owner: 'XXXXXXXXXXXXXXXX', isComplete: false },
      }),
    ).toEqual({
      operation: 'PutItem',
      key: { id: S('XXXXXXXXXXXXXXXX') },
      attributeValues: { title: S('New Task'), description: S('New Task Description'), owner: S('XXXXXXXXXXXXXXXX'), isComplete: { BOOL: false } },
      condition: { expression: '(#owner = :owner_eq)', expressionNames: { '#owner': 'owner' }, expressionValues: { ':owner_eq': S('XXXXXXXXXXXXXXXX') } },
    });
  });

  it('put keeps the module sets as sets and passes conflict-detection options through', () => {
    expect(ddb.put({ key: { id: '1' }, item: { tags: ddb.toStringSet(['a']), n: ddb.toNumberSet([1, 2]) }, _version: 3, customPartitionKey: 'pk', populateIndexFields: true })).toEqual({
      operation: 'PutItem',
      key: { id: S('1') },
      attributeValues: { tags: { SS: ['a'] }, n: { NS: ['1', '2'] } },
      _version: 3,
      customPartitionKey: 'pk',
      populateIndexFields: true,
    });
  });

  it('condition extras pass through beside the expression', () => {
    const req = ddb.remove({
      key: { id: '1' },
      condition: { owner: { eq: 'me' }, equalsIgnore: ['updatedAt'], consistentRead: false, conditionalCheckFailedHandler: { strategy: 'Custom', lambdaArn: 'arn:aws:lambda:us-east-1:1:function:f' } },
    });
    expect(req).toEqual({
      operation: 'DeleteItem',
      key: { id: S('1') },
      condition: {
        expression: '(#owner = :owner_eq)',
        expressionNames: { '#owner': 'owner' },
        expressionValues: { ':owner_eq': S('me') },
        equalsIgnore: ['updatedAt'],
        consistentRead: false,
        conditionalCheckFailedHandler: { strategy: 'Custom', lambdaArn: 'arn:aws:lambda:us-east-1:1:function:f' },
      },
    });
  });

  it('update: plain nested objects update leaf by leaf; replace overwrites the sub-object', () => {
    expect(ddb.update({ key: { id: 1 }, update: { address: { city: 'New York' }, profile: ops.replace({ a: 1 }) } })).toEqual({
      operation: 'UpdateItem',
      key: { id: N(1) },
      update: {
        expression: 'SET #expName_1.#expName_2 = :expValue_1, #expName_3 = :expValue_2',
        expressionNames: { '#expName_1': 'address', '#expName_2': 'city', '#expName_3': 'profile' },
        expressionValues: { ':expValue_1': S('New York'), ':expValue_2': { M: { a: N(1) } } },
      },
    });
  });

  it('update: AppSync placeholders; increment/decrement are SET arithmetic; SET before REMOVE, input order', () => {
    const req = ddb.update({
      key: { id: 1 },
      update: {
        address: ops.add({ street1: '123 Main St' }),
        age: ops.remove(),
        friendsCount: ops.increment(10),
        karma: ops.decrement(),
        friendsIds: ops.append([101, 104]),
        history: ops.prepend(['x']),
        slots: [ops.updateListItem('102', 1), ops.updateListItem('112', 2)],
        isVerified: true,
      },
    });
    expect(req.update).toEqual({
      expression:
        'SET #expName_1 = :expValue_1, #expName_3 = #expName_3 + :expValue_2, #expName_4 = #expName_4 - :expValue_3, #expName_5 = list_append(#expName_5, :expValue_4), #expName_6 = list_append(:expValue_5, #expName_6), #expName_7[1] = :expValue_6, #expName_7[2] = :expValue_7, #expName_8 = :expValue_8 REMOVE #expName_2',
      expressionNames: {
        '#expName_1': 'address',
        '#expName_2': 'age',
        '#expName_3': 'friendsCount',
        '#expName_4': 'karma',
        '#expName_5': 'friendsIds',
        '#expName_6': 'history',
        '#expName_7': 'slots',
        '#expName_8': 'isVerified',
      },
      expressionValues: {
        ':expValue_1': { M: { street1: S('123 Main St') } },
        ':expValue_2': N(10),
        ':expValue_3': N(1),
        ':expValue_4': { L: [N(101), N(104)] },
        ':expValue_5': { L: [S('x')] },
        ':expValue_6': S('102'),
        ':expValue_7': S('112'),
        ':expValue_8': { BOOL: true },
      },
    });
  });

  it('update: attribute names of any spelling sit behind placeholders', () => {
    const req = ddb.update({ key: { id: 1 }, update: { 'due-date': 'a', due_date: 'b' } });
    expect(req.update).toEqual({
      expression: 'SET #expName_1 = :expValue_1, #expName_2 = :expValue_2',
      expressionNames: { '#expName_1': 'due-date', '#expName_2': 'due_date' },
      expressionValues: { ':expValue_1': S('a'), ':expValue_2': S('b') },
    });
  });

  it('operations are plain data that survive a JSON round trip (e.g. through ctx.stash)', () => {
    const update = JSON.parse(JSON.stringify({ n: ops.increment(2), l: [ops.updateListItem('v', 0)] })) as unknown;
    expect((ddb.update({ key: { id: 1 }, update }).update as { expression: string }).expression).toBe(
      'SET #expName_1 = #expName_1 + :expValue_1, #expName_2[0] = :expValue_2',
    );
  });
});

describe('Query, Scan and Sync', () => {
  it('query: key condition, filter, projection and options', () => {
    expect(
      ddb.query({
        query: { name: { eq: 'John' }, age: { gt: 20 } },
        filter: { isVerified: { eq: true } },
        index: 'byName',
        limit: 10,
        nextToken: 'tok',
        scanIndexForward: false,
        consistentRead: false,
        select: 'ALL_ATTRIBUTES',
        projection: ['id'],
      }),
    ).toEqual({
      operation: 'Query',
      query: {
        expression: '(#name = :name_eq) AND (#age > :age_gt)',
        expressionNames: { '#name': 'name', '#age': 'age' },
        expressionValues: { ':name_eq': S('John'), ':age_gt': N(20) },
      },
      index: 'byName',
      nextToken: 'tok',
      limit: 10,
      consistentRead: false,
      select: 'ALL_ATTRIBUTES',
      filter: { expression: '(#isVerified = :isVerified_eq)', expressionNames: { '#isVerified': 'isVerified' }, expressionValues: { ':isVerified_eq': { BOOL: true } } },
      projection: { expression: '#id', expressionNames: { '#id': 'id' } },
      scanIndexForward: false,
    });
  });

  it('query key conditions allow between and beginsWith', () => {
    expect(ddb.query({ query: { pk: { eq: 'p' }, sk: { between: ['a', 'b'] } } }).query).toEqual({
      expression: '(#pk = :pk_eq) AND (#sk BETWEEN :sk_between_start AND :sk_between_end)',
      expressionNames: { '#pk': 'pk', '#sk': 'sk' },
      expressionValues: { ':pk_eq': S('p'), ':sk_between_start': S('a'), ':sk_between_end': S('b') },
    });
  });

  it('scan with segments; an empty filter is left out', () => {
    expect(ddb.scan({ index: 'i', totalSegments: 4, segment: 1, filter: {} })).toEqual({ operation: 'Scan', index: 'i', totalSegments: 4, segment: 1 });
  });

  it('sync passes its options through', () => {
    expect(ddb.sync({ limit: 10, nextToken: 't', lastSync: 1700000000000, basePartitionKey: 'b', deltaIndexName: 'd', filter: { a: { eq: 1 } } })).toEqual({
      operation: 'Sync',
      basePartitionKey: 'b',
      deltaIndexName: 'd',
      limit: 10,
      nextToken: 't',
      lastSync: 1700000000000,
      filter: { expression: '(#a = :a_eq)', expressionNames: { '#a': 'a' }, expressionValues: { ':a_eq': N(1) } },
    });
  });
});

describe('batch and transaction helpers (typings examples)', () => {
  it('batchGet', () => {
    expect(ddb.batchGet({ tables: { post: { keys: [{ id: '1' }, { id: '2' }], consistentRead: false, projection: ['id', 'name'] } } })).toEqual({
      operation: 'BatchGetItem',
      tables: {
        post: { keys: [{ id: S('1') }, { id: S('2') }], consistentRead: false, projection: { expression: '#id, #name', expressionNames: { '#id': 'id', '#name': 'name' } } },
      },
    });
  });

  it('batchPut and batchDelete', () => {
    expect(ddb.batchPut({ tables: { post: [{ id: 'one', value: 'x' }], comment: [{ id: 'one', text: 't' }] } })).toEqual({
      operation: 'BatchPutItem',
      tables: { post: [{ id: S('one'), value: S('x') }], comment: [{ id: S('one'), text: S('t') }] },
    });
    expect(ddb.batchDelete({ tables: { post: [{ id: 'one' }, { id: 'two' }] } })).toEqual({ operation: 'BatchDeleteItem', tables: { post: [{ id: S('one') }, { id: S('two') }] } });
  });

  it('transactGet', () => {
    expect(ddb.transactGet({ items: [{ table: 'post', key: { id: '1' }, projection: ['name'] }] })).toEqual({
      operation: 'TransactGetItems',
      transactItems: [{ table: 'post', key: { id: S('1') }, projection: { expression: '#name', expressionNames: { '#name': 'name' } } }],
    });
  });

  it('transactWrite: every kind becomes its operation, conditions keep returnValuesOnConditionCheckFailure', () => {
    const req = ddb.transactWrite({
      items: [
        { putItem: { table: 'post', key: { id: '1' }, item: { title: 't' } } },
        { deleteItem: { table: 'post', key: { id: '2' } } },
        { updateItem: { table: 'post', key: { id: '3' }, update: { n: ops.increment() } } },
        { conditionCheck: { table: 'post', key: { id: '4' }, condition: { v: { eq: 1 }, returnValuesOnConditionCheckFailure: false } } },
      ],
    });
    expect(req).toEqual({
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'post', operation: 'PutItem', key: { id: S('1') }, attributeValues: { title: S('t') } },
        { table: 'post', operation: 'DeleteItem', key: { id: S('2') } },
        { table: 'post', operation: 'UpdateItem', key: { id: S('3') }, update: { expression: 'SET #expName_1 = #expName_1 + :expValue_1', expressionNames: { '#expName_1': 'n' }, expressionValues: { ':expValue_1': N(1) } } },
        {
          table: 'post',
          operation: 'ConditionCheck',
          key: { id: S('4') },
          condition: { expression: '(#v = :v_eq)', expressionNames: { '#v': 'v' }, expressionValues: { ':v_eq': N(1) }, returnValuesOnConditionCheckFailure: false },
        },
      ],
    });
  });
});

describe('input from the sandbox realm', () => {
  it('objects and arrays created in another realm (node:vm, as the APPSYNC_JS sandbox does) are accepted', () => {
    const payload = runInNewContext("({ key: { id: 'x' }, item: { tags: ['a'], nested: { n: 1 } }, condition: { and: [{ id: { attributeExists: false } }] } })") as unknown;
    expect(ddb.put(payload)).toEqual({
      operation: 'PutItem',
      key: { id: S('x') },
      attributeValues: { tags: { L: [S('a')] }, nested: { M: { n: N(1) } } },
      condition: { expression: '(attribute_not_exists(#id))', expressionNames: { '#id': 'id' }, expressionValues: {} },
    });
  });
});

describe('set helpers', () => {
  it('toNumberSet returns strings as its typings document', () => {
    expect(ddb.toStringSet(['a', 'b', 'c'])).toEqual({ SS: ['a', 'b', 'c'] });
    expect(ddb.toNumberSet([1, 2, 3])).toEqual({ NS: ['1', '2', '3'] });
    expect(ddb.toBinarySet(['SGVsbG8=', 'V29ybGQ='])).toEqual({ BS: ['SGVsbG8=', 'V29ybGQ='] });
  });
});

describe('invalid input gives a clear error', () => {
  it.each([
    ['unknown filter operator', () => ddb.scan({ filter: { title: { like: 'x' } } }), 'ddb.scan filter: unknown operator "like" on field "title"'],
    ['key condition with a non-key operator', () => ddb.query({ query: { id: { contains: 'x' } } }), 'key attribute "id" uses "contains"; key conditions allow only eq, lt, le, gt, ge, between, beginsWith'],
    ['key condition with and/or', () => ddb.query({ query: { or: [{ id: { eq: 1 } }] } }), '"or" is not allowed in a key condition'],
    ['key condition with two operators on a key', () => ddb.query({ query: { id: { gt: 1, lt: 5 } } }), 'key attribute "id" needs exactly one operator, got 2'],
    ['key condition on three attributes', () => ddb.query({ query: { a: { eq: 1 }, b: { eq: 1 }, c: { eq: 1 } } }), 'at most a partition key and a sort key'],
    ['missing key condition', () => ddb.query({}), 'ddb.query: query (the key condition) is required'],
    ['empty update', () => ddb.update({ key: { id: 1 }, update: {} }), 'ddb.update: the update changes nothing'],
    ['update that is not an object', () => ddb.update({ key: { id: 1 }, update: 'x' }), 'update must be an object of attributes to change'],
    ['list mixing updateListItem and values', () => ddb.update({ key: { id: 1 }, update: { l: [ops.updateListItem('a', 0), 'b'] } }), '"l" mixes list-item updates with other values'],
    ['missing key', () => ddb.get({}), 'ddb.get: key must be an object of key attributes, got nothing (undefined)'],
    ['empty key', () => ddb.remove({ key: {} }), 'ddb.remove: key names no key attribute'],
    ['no payload', () => ddb.put(undefined), 'ddb.put: the argument must be an object'],
    ['NaN in an item', () => ddb.put({ key: { id: 1 }, item: { n: NaN } }), 'NaN cannot be stored in DynamoDB'],
    ['bad limit', () => ddb.scan({ limit: 'ten' }), 'ddb.scan: limit must be an integer'],
    ['bad select', () => ddb.scan({ select: 'ALL' }), 'select must be one of'],
    ['bad projection path', () => ddb.get({ key: { id: 1 }, projection: ['a..b'] }), 'invalid document path "a..b"'],
    ['condition options without checks', () => ddb.put({ key: { id: 1 }, item: {}, condition: { equalsIgnore: ['a'] } }), 'condition has options but no attribute to check'],
    ['bad conflict handler', () => ddb.put({ key: { id: 1 }, item: {}, condition: { a: { eq: 1 }, conditionalCheckFailedHandler: { strategy: 'Custom' } } }), 'needs a lambdaArn'],
    ['transact item with two kinds', () => ddb.transactWrite({ items: [{ putItem: { table: 't', key: { id: 1 }, item: {} }, deleteItem: { table: 't', key: { id: 1 } } }] }), 'exactly one of putItem'],
    ['condition check without condition', () => ddb.transactWrite({ items: [{ conditionCheck: { table: 't', key: { id: 1 } } }] }), 'a condition check needs a condition'],
    ['batch without tables', () => ddb.batchGet({ tables: {} }), 'ddb.batchGet: tables names no table'],
    ['increment by a string', () => ops.increment('2' as unknown as number), 'operations.increment: expects a finite number'],
    ['updateListItem with a negative index', () => ops.updateListItem('x', -1), 'index must be a non-negative integer'],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});
