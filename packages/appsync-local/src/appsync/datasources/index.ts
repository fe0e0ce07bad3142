/**
 * Builds the data-source map from a description `{ [name]: { type, ... } }` and already-resolved
 * dependencies, so it does not depend on how the resolvers manifest is read.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DataSource, DataSourceType } from '../types.ts';
import { createDynamoDbDataSource, type ConditionHandler } from './dynamodb.ts';
import { createEventBridgeDataSource, type EventSink } from './eventbridge.ts';
import { createLambdaDataSource, type LambdaHandler } from './lambda.ts';
import { createNoneDataSource } from './none.ts';

export type DataSourceDescription =
  | { type: 'AMAZON_DYNAMODB'; /** defaults to the dependencies' table */ tableName?: string }
  | { type: 'AWS_LAMBDA'; /** defaults to the data source's name */ functionName?: string; timeoutMs?: number }
  | { type: 'NONE' }
  | { type: 'AMAZON_EVENTBRIDGE'; eventBusName?: string };

export interface DataSourceDependencies {
  dynamodb?: {
    client: DynamoDBClient;
    tableName: string;
    tokenSecret: Buffer | string;
    /** For `Custom` conditional-check-failed strategies. */
    customHandler?: ConditionHandler;
  };
  /** The in-process handler of a Lambda function, by function name (undefined when unknown). */
  lambdaHandler?: (functionName: string) => LambdaHandler | undefined;
  eventSink?: EventSink;
}

const SUPPORTED = ['AMAZON_DYNAMODB', 'AWS_LAMBDA', 'NONE', 'AMAZON_EVENTBRIDGE'];
const NOT_SUPPORTED_LOCALLY = new Set<string>(['HTTP', 'AMAZON_OPENSEARCH_SERVICE', 'AMAZON_ELASTICSEARCH', 'RELATIONAL_DATABASE', 'AMAZON_BEDROCK_RUNTIME']);

/** Throws (at start-up) with a message naming the data source when a dependency is missing. */
export function createDataSources(
  descriptions: Record<string, DataSourceDescription>,
  deps: DataSourceDependencies,
): Record<string, DataSource> {
  const sources: Record<string, DataSource> = {};
  for (const [name, d] of Object.entries(descriptions)) {
    const need = <T>(value: T | undefined, what: string): T => {
      if (value === undefined) throw new Error(`Data source '${name}' (${d.type}) needs ${what}`);
      return value;
    };
    switch (d.type) {
      case 'AMAZON_DYNAMODB': {
        const ddb = need(deps.dynamodb, 'a DynamoDB client');
        sources[name] = createDynamoDbDataSource({ ...ddb, tableName: d.tableName ?? ddb.tableName });
        break;
      }
      case 'AWS_LAMBDA': {
        const functionName = d.functionName ?? name;
        const lookup = need(deps.lambdaHandler, 'a Lambda handler lookup');
        const handler = need(lookup(functionName), `the handler of Lambda function '${functionName}'`);
        sources[name] = createLambdaDataSource({ name: functionName, handler, timeoutMs: d.timeoutMs });
        break;
      }
      case 'NONE':
        sources[name] = createNoneDataSource();
        break;
      case 'AMAZON_EVENTBRIDGE':
        sources[name] = createEventBridgeDataSource({
          sink: need(deps.eventSink, 'an event sink'),
          eventBusName: d.eventBusName,
        });
        break;
      default: {
        const unknownType: never = d;
        const type = (unknownType as { type: DataSourceType }).type;
        // HTTP, OpenSearch and RDS data sources are out of scope locally: refused by name at start-up.
        if (NOT_SUPPORTED_LOCALLY.has(type)) {
          throw new Error(`Data source '${name}' (${type}) is not supported locally: the local runtime serves ${SUPPORTED.join(', ')} data sources`);
        }
        throw new Error(`Data source '${name}' has an unsupported type ${JSON.stringify(type)}`);
      }
    }
  }
  return sources;
}

export { createDynamoDbDataSource, createEventBridgeDataSource, createLambdaDataSource, createNoneDataSource };
export { createRecordingEventSink, type EventSink, type EventBridgeEntry } from './eventbridge.ts';
export type { LambdaHandler, LambdaContextLike, LambdaInvocation } from './lambda.ts';
export type { ConditionHandler, ConditionHandlerEvent } from './dynamodb.ts';
