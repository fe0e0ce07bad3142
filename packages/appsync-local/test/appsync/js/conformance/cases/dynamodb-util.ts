// util.dynamodb: numbers stay JSON numbers ({"N": 12345}) in what resolver code builds.
import { expressionCode, type ConformanceCase } from '../case.ts';

// Recorded with EvaluateCodeCommand against AWS (helpers.js runOnAWS, TEST_TARGET=AWS_CLOUD) and
// kept as jest snapshots; inputs from __tests__/index.test.js at the same commit.
const LOCALSTACK = 'localstack/appsync-utils@018eb885f86c8bdfa4c2df0c8c34f857251e8308 __tests__/__snapshots__/index.test.js.snap';
const GUIDE = 'https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html';

const recorded = (name: string, expression: string, result: unknown): ConformanceCase => ({
  name,
  source: `${LOCALSTACK} (dynamodb helpers ${name})`,
  code: expressionCode(expression),
  expected: { result },
});

export const cases: ConformanceCase[] = [
  recorded('toDynamoDB string', 'util.dynamodb.toDynamoDB("test")', { S: 'test' }),
  recorded('toDynamoDB number', 'util.dynamodb.toDynamoDB(12345)', { N: 12345 }),
  recorded('toDynamoDB boolean', 'util.dynamodb.toDynamoDB(true)', { BOOL: true }),
  recorded('toString', 'util.dynamodb.toString("test")', { S: 'test' }),
  recorded('toStringSet', 'util.dynamodb.toStringSet(["foo", "bar", "baz"])', { SS: ['foo', 'bar', 'baz'] }),
  recorded('toNumber', 'util.dynamodb.toNumber(12345)', { N: 12345 }),
  recorded('toNumberSet', 'util.dynamodb.toNumberSet([1, 23, 4.56])', { NS: [1, 23, 4.56] }),
  recorded('toBinary', 'util.dynamodb.toBinary("foo")', { B: 'foo' }),
  recorded('toBinarySet', 'util.dynamodb.toBinarySet(["foo", "bar", "baz"])', { BS: ['foo', 'bar', 'baz'] }),
  recorded('toBoolean', 'util.dynamodb.toBoolean(true)', { BOOL: true }),
  recorded('toNull', 'util.dynamodb.toNull()', { NULL: null }),
  recorded('toList', 'util.dynamodb.toList(["foo", 123, {bar: "baz" }])', { L: [{ S: 'foo' }, { N: 123 }, { M: { bar: { S: 'baz' } } }] }),
  recorded('toMap', 'util.dynamodb.toMap({ "foo": "bar", "baz": 1234, "beep": ["boop"] })', {
    M: { baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] }, foo: { S: 'bar' } },
  }),
  recorded('toMapValues', 'util.dynamodb.toMapValues({ "foo": "bar", "baz": 1234, "beep": ["boop"] })', {
    baz: { N: 1234 },
    beep: { L: [{ S: 'boop' }] },
    foo: { S: 'bar' },
  }),
  recorded('s3 objects three parameter function', 'util.dynamodb.toS3Object("foo", "bar", "baz")', { S: '{"s3":{"key":"foo","bucket":"bar","region":"baz"}}' }),
  recorded('s3 objects four parameter function', 'util.dynamodb.toS3Object("foo", "bar", "baz", "beep")', {
    S: '{"s3":{"key":"foo","bucket":"bar","region":"baz","version":"beep"}}',
  }),
  {
    name: 'ddb.get',
    source: `${LOCALSTACK} (DynamoDB module functions get)`,
    code: expressionCode('ddb.get({ key: { id: "id" }})').replace(
      "import { util } from '@aws-appsync/utils';",
      "import { util } from '@aws-appsync/utils';\n  import * as ddb from '@aws-appsync/utils/dynamodb';",
    ),
    expected: { result: { key: { id: { S: 'id' } }, operation: 'GetItem' } },
  },
  {
    name: 'toDynamoDB list (guide example)',
    source: `${GUIDE}#toDynamoDB (List example)`,
    code: expressionCode('util.dynamodb.toDynamoDB([ "foo", 123, { "bar" : "baz" } ])'),
    expected: { result: { L: [{ S: 'foo' }, { N: 123 }, { M: { bar: { S: 'baz' } } }] } },
  },
  {
    name: 'toDynamoDB map (guide example)',
    source: `${GUIDE}#toDynamoDB (Map example)`,
    code: expressionCode('util.dynamodb.toDynamoDB({ "foo": "bar", "baz" : 1234, "beep": [ "boop"] })'),
    expected: { result: { M: { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } } } },
  },
  {
    // The module's own set helper answers strings: printed in the package's typings.
    name: 'ddb.toNumberSet (module) answers strings',
    source: '@aws-appsync/utils@2.1.1 lib/dynamodb-helpers.d.ts (toNumberSet @example)',
    code: expressionCode('ddb.toNumberSet([1, 2, 3])').replace(
      "import { util } from '@aws-appsync/utils';",
      "import { util } from '@aws-appsync/utils';\n  import * as ddb from '@aws-appsync/utils/dynamodb';",
    ),
    expected: { result: { NS: ['1', '2', '3'] } },
  },
  {
    // A hand-built TransactWriteItems request: toDynamoDB(1) stays { N: 1 } inside it.
    name: 'util.dynamodb numbers inside a TransactWriteItems request',
    source: 'eineder/fitter-backend@91995185eb2725d63c73c565b399bce8a2ea8380 __tests__/test_cases/unit/Mutation.like.request.js (resolvers/like.js at the same commit)',
    code: `import { util } from "@aws-appsync/utils";

export function request(ctx) {
  const { username } = ctx.identity;
  const { tweetId } = ctx.arguments;
  const transactionWriteItems = {
    operation: "TransactWriteItems",
    transactItems: [
      {
        table: "#LikesTable#",
        operation: "PutItem",
        key: util.dynamodb.toMapValues({ userId: username, tweetId }),
        attributeValues: {},
        condition: {
          expression: "attribute_not_exists(userId)",
          returnValuesOnConditionCheckFailure: true,
        },
      },
      {
        table: "#TweetsTable#",
        operation: "UpdateItem",
        key: util.dynamodb.toMapValues({ id: tweetId }),
        update: {
          expression: "ADD likes :one",
          expressionValues: {
            ":one": util.dynamodb.toDynamoDB(1),
          },
        },
        condition: {
          expression: "attribute_exists(id)",
          returnValuesOnConditionCheckFailure: true,
        },
      },
      {
        table: "#UsersTable#",
        operation: "UpdateItem",
        key: util.dynamodb.toMapValues({ id: username }),
        update: {
          expression: "ADD likesCounts :one",
          expressionValues: {
            ":one": util.dynamodb.toDynamoDB(1),
          },
        },
        condition: {
          expression: "attribute_exists(id)",
          returnValuesOnConditionCheckFailure: true,
        },
      },
    ],
  };

  return transactionWriteItems;
}

export const response = (ctx) => {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }

  return true;
};
`,
    context: { identity: { username: 'user-1' }, arguments: { userId: 'user-1', tweetId: 'tweet-1' } },
    expected: {
      result: {
        operation: 'TransactWriteItems',
        transactItems: [
          {
            table: '#LikesTable#',
            operation: 'PutItem',
            key: { userId: { S: 'user-1' }, tweetId: { S: 'tweet-1' } },
            attributeValues: {},
            condition: { expression: 'attribute_not_exists(userId)', returnValuesOnConditionCheckFailure: true },
          },
          {
            table: '#TweetsTable#',
            operation: 'UpdateItem',
            key: { id: { S: 'tweet-1' } },
            update: { expression: 'ADD likes :one', expressionValues: { ':one': { N: 1 } } },
            condition: { expression: 'attribute_exists(id)', returnValuesOnConditionCheckFailure: true },
          },
          {
            table: '#UsersTable#',
            operation: 'UpdateItem',
            key: { id: { S: 'user-1' } },
            update: { expression: 'ADD likesCounts :one', expressionValues: { ':one': { N: 1 } } },
            condition: { expression: 'attribute_exists(id)', returnValuesOnConditionCheckFailure: true },
          },
        ],
      },
    },
  },
];
