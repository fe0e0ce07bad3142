// What EvaluateCode answers when the code raises an error.
import type { ConformanceCase } from '../case.ts';

export const cases: ConformanceCase[] = [
  {
    // when.we_evaluate_resolver_function throws new Error(response.error.message); the test expects "max limit is 25".
    name: 'util.error(message) → error.message is the message alone',
    source:
      'eineder/fitter-backend@bba273bb7abf272330d65a44e32abb762a688416 __tests__/test_cases/unit/getTweets.test.js ("Should throw if limit > 25"; resolvers/getTweets.js@55e6e116989a146ad4f115be9bd2cf2586840f37)',
    code: `import { util } from "@aws-appsync/utils";

export function request(ctx) {
  if (ctx.arguments.limit > 25) {
    util.error("max limit is 25");
  }

  return {
    operation: "Query",
    query: {
      expression: "creator = :userId",
      expressionValues: {
        ":userId": util.dynamodb.toDynamoDB({ userId: ctx.arguments.userId}),
      },
    },
    index: "byCreator",
    nextToken: ctx.arguments.nextToken,
    limit: ctx.arguments.limit,
    scanIndexForward: false,
    consistentRead: false,
    select: "ALL_ATTRIBUTES",
  };
}

export function response(ctx) {
  return {
    tweets: ctx.result.items,
    nextToken: ctx.result.nextToken || null,
  };
}
`,
    context: { identity: { username: 'user-1' }, arguments: { userId: 'user-1', limit: 26, nextToken: null } },
    expected: { errorMessage: 'max limit is 25' },
  },
];
