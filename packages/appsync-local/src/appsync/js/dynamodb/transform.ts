/**
 * util.transform.toDynamoDBFilterExpression / toDynamoDBConditionExpression (developer guide:
 * transformation-helpers-in-utils-transform-js; typings: lib/transform-utils.d.ts). Both return the
 * expression object as a JSON string and render a given object identically.
 */
import { renderFilter } from './filter.ts';

export interface DynamoDbTransformUtils {
  toDynamoDBFilterExpression(filter: unknown): string | null;
  toDynamoDBConditionExpression(condition: unknown): string | null;
}

/**
 * AWS documents no error for input these cannot render; AppSync answers such input (an unknown
 * operator, `and` given a non-list, `between` with one bound, no argument at all…) with `null`
 * instead of a string, as recorded against AppSync by localstack/appsync-utils'
 * __tests__/transform.test.js. We do the same, so resolver code behaves as deployed; the
 * `@aws-appsync/utils/dynamodb` helpers, which AWS types as never returning null, throw instead.
 */
function toJsonOrNull(where: string, input: unknown): string | null {
  try {
    return JSON.stringify(renderFilter(where, input, { marshal: { sets: false } }));
  } catch {
    return null;
  }
}

export function createTransformUtils(): DynamoDbTransformUtils {
  return {
    toDynamoDBFilterExpression: (filter) => toJsonOrNull('util.transform.toDynamoDBFilterExpression', filter),
    toDynamoDBConditionExpression: (condition) => toJsonOrNull('util.transform.toDynamoDBConditionExpression', condition),
  };
}
