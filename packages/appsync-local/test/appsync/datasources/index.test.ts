import { describe, expect, it } from 'vitest';
import { createDataSources, createRecordingEventSink } from '../../../src/appsync/datasources/index.ts';
import { useDynamoDbTable } from '../../support/dynamodb.ts';
import { invocation } from './context.ts';

const db = useDynamoDbTable();

describe('createDataSources', () => {
  it('builds every type from a description and resolved dependencies', async () => {
    const sink = createRecordingEventSink();
    const sources = createDataSources(
      {
        table: { type: 'AMAZON_DYNAMODB' },
        reports: { type: 'AWS_LAMBDA', functionName: 'reportsFn' },
        none: { type: 'NONE' },
        bus: { type: 'AMAZON_EVENTBRIDGE', eventBusName: 'taskwire' },
      },
      {
        dynamodb: { client: db.client, tableName: db.tableName, tokenSecret: 's' },
        lambdaHandler: (name) => (name === 'reportsFn' ? async (e: unknown) => ({ echoed: e }) : undefined),
        eventSink: sink,
      },
    );
    expect(Object.fromEntries(Object.entries(sources).map(([n, s]) => [n, s.type]))).toEqual({
      table: 'AMAZON_DYNAMODB', reports: 'AWS_LAMBDA', none: 'NONE', bus: 'AMAZON_EVENTBRIDGE',
    });
    await sources.table!.invoke(invocation({ operation: 'PutItem', key: { PK: { S: 'f' }, SK: { S: 'f' } }, attributeValues: {} }));
    expect((await sources.table!.invoke(invocation({ operation: 'GetItem', key: { PK: { S: 'f' }, SK: { S: 'f' } } }))).result).toEqual({ PK: 'f', SK: 'f' });
    expect((await sources.reports!.invoke(invocation({ operation: 'Invoke', payload: 1 }))).result).toEqual({ echoed: 1 });
    expect((await sources.none!.invoke(invocation({ payload: 2 }))).result).toBe(2);
    await sources.bus!.invoke(invocation({ operation: 'PutEvents', events: [{ source: 's', detailType: 'd', detail: {} }] }));
    expect(sink.events[0]!.entry.EventBusName).toBe('taskwire');
  });

  it('names the data source whose dependency is missing', () => {
    expect(() => createDataSources({ reports: { type: 'AWS_LAMBDA' } }, { lambdaHandler: () => undefined })).toThrow(
      "Data source 'reports' (AWS_LAMBDA) needs the handler of Lambda function 'reports'",
    );
    expect(() => createDataSources({ t: { type: 'AMAZON_DYNAMODB' } }, {})).toThrow("Data source 't' (AMAZON_DYNAMODB) needs a DynamoDB client");
    for (const type of ['HTTP', 'AMAZON_OPENSEARCH_SERVICE', 'RELATIONAL_DATABASE']) {
      expect(() => createDataSources({ x: { type } as never }, {})).toThrow(
        `Data source 'x' (${type}) is not supported locally: the local runtime serves AMAZON_DYNAMODB, AWS_LAMBDA, NONE, AMAZON_EVENTBRIDGE data sources`,
      );
    }
    expect(() => createDataSources({ x: { type: 'FTP' } as never }, {})).toThrow("Data source 'x' has an unsupported type \"FTP\"");
  });
});
