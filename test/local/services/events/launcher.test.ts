/**
 * The launcher wires the local event services to the functions of the manifest: here
 * the manifest plus temporary entries (a rule target, the schedule target, a recurring cron schedule,
 * a stream consumer) whose handler records what it gets. Handlers reach the services only through
 * the SDK endpoint variables; every endpoint is named under `custom.endpoints`.
 */
import { describe, expect, it } from 'vitest';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { CreateScheduleCommand, GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { lambdas } from '../../../../functions/manifest.ts';
import { createEventBridgeDataSource } from '../../../../packages/appsync-local/src/appsync/datasources/eventbridge.ts';
import { createManualClock } from '../../../../packages/appsync-local/src/services/events/common.ts';
import { createLocalDynamoDbClient } from '../../../../packages/appsync-local/src/services/dynamodb-local.ts';
import { LOCAL_TABLE_NAME } from '../../../../model/table.ts';
import { eventually } from '../../../support/eventually.ts';
import { useLocalRuntime } from '../../../support/runtime.ts';
import { invocation } from '../../../../packages/appsync-local/test/appsync/datasources/context.ts';
import { recorded } from './fixtures/recording-handler.ts';

const entry = 'test/local/services/events/fixtures/recording-handler.ts';
const base = { entry, description: 'records its events (test)', timeoutSeconds: 10, uses: { bus: 'put', scheduler: 'manage', topic: 'publish', email: 'send' } } as const;
const clock = createManualClock(Date.now());
const rt = useLocalRuntime({
  clock,
  schedulerPollMs: 50,
  functions: {
    // The manifest's functions without its own event-side entries: the fixtures below stand in for them.
    ...Object.fromEntries(Object.entries(lambdas).filter(([, d]) => !('stream' in d || 'rules' in d || 'scheduleTarget' in d || d.entry === lambdas.weeklyReport.entry))),
    onAssigned: { ...base, rules: [{ name: 'task-assigned', pattern: { source: ['taskwire'], 'detail-type': ['TaskAssigned'] } }] },
    remind: { ...base, scheduleTarget: true },
    weekly: { ...base, schedules: [{ cron: 'cron(0 8 ? * MON *)', timeZone: 'Europe/Berlin', event: { operation: 'weeklyReport' } }] },
    onChange: { ...base, stream: { batchSize: 10 } },
  },
});

const credentials = { accessKeyId: 'x', secretAccessKey: 'x' };
/** What the test functions see: the process's endpoints, and the names their `uses` give them. */
const fnEnv = (): Record<string, string | undefined> => ({ ...process.env, ...rt.runtime.lambdas.environmentOf('remind') });
const of = (name: string) => recorded.filter((r) => r.functionName === name).map((r) => r.event);

describe('the launcher wires the event services', () => {
  it('names every endpoint under custom.endpoints and points the functions at them', () => {
    const { urls, outputs } = rt.runtime;
    expect(outputs.custom.endpoints).toMatchObject({
      events: urls.eventBridge,
      scheduler: urls.scheduler,
      sns: urls.sns,
      sesv2: urls.ses,
      sesWeb: urls.ses,
      s3: urls.s3,
      snsMessages: `${urls.sns}/messages`,
      eventBridgeEvents: `${urls.eventBridge}/events`,
    });
    expect(fnEnv()).toMatchObject({
      AWS_ENDPOINT_URL_EVENTBRIDGE: urls.eventBridge,
      AWS_ENDPOINT_URL_SCHEDULER: urls.scheduler,
      AWS_ENDPOINT_URL_SNS: urls.sns,
      AWS_ENDPOINT_URL_SESV2: urls.ses,
      AWS_ENDPOINT_URL_DYNAMODB_STREAMS: urls.dynamodb,
      EVENT_BUS_NAME: 'taskwire',
      SCHEDULE_GROUP_NAME: 'taskwire',
      REMINDER_FUNCTION_ARN: 'arn:aws:lambda:us-east-1:000000000000:function:remind',
      TOPIC_ARN: 'arn:aws:sns:us-east-1:000000000000:taskwire-events',
      SENDER_EMAIL: 'notifications@taskwire.local',
    });
  });

  it('delivers events put on the bus (by the SDK, and by the AppSync EventBridge data source) to the rule target', async () => {
    const eb = new EventBridgeClient({ region: 'us-east-1', credentials });
    await eb.send(new PutEventsCommand({ Entries: [{ EventBusName: fnEnv().EVENT_BUS_NAME, Source: 'taskwire', DetailType: 'TaskAssigned', Detail: '{"taskId":"T-SDK"}' }] }));
    eb.destroy();
    const ds = createEventBridgeDataSource({ sink: rt.runtime.events.sink });
    const res = await ds.invoke(invocation({ operation: 'PutEvents', events: [{ source: 'taskwire', detailType: 'TaskAssigned', detail: { taskId: 'T-DS' } }] }));
    expect(res.error ?? null).toBeNull();
    await eventually(() => expect(of('onAssigned').map((e) => (e as { detail: { taskId: string } }).detail.taskId).sort()).toEqual(['T-DS', 'T-SDK']));
    expect(of('onAssigned')[0]).toMatchObject({ source: 'taskwire', 'detail-type': 'TaskAssigned', account: '000000000000', region: 'us-east-1' });
  });

  it('fires a reminder schedule in the Taskwire group at the schedule target, on the (accelerated) clock', async () => {
    const scheduler = new SchedulerClient({ region: 'us-east-1', credentials });
    const due = new Date(clock.now() + 2 * 60_000);
    await scheduler.send(
      new CreateScheduleCommand({
        Name: 'task-T1',
        GroupName: fnEnv().SCHEDULE_GROUP_NAME,
        ScheduleExpression: `at(${due.toISOString().slice(0, 19)})`,
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        Target: { Arn: fnEnv().REMINDER_FUNCTION_ARN!, RoleArn: fnEnv().SCHEDULER_ROLE_ARN!, Input: '{"taskId":"T1"}' },
      }),
    );
    clock.advance(2 * 60_000);
    await eventually(() => expect(of('remind')).toEqual([{ taskId: 'T1' }]));
    await eventually(async () => {
      const err = await scheduler.send(new GetScheduleCommand({ Name: 'task-T1', GroupName: fnEnv().SCHEDULE_GROUP_NAME })).catch((e: unknown) => e);
      expect((err as Error).name).toBe('ResourceNotFoundException');
    });
    // The manifest's recurring schedule is a cron schedule in the default group.
    const weekly = await scheduler.send(new GetScheduleCommand({ Name: 'weekly-1', GroupName: 'default' }));
    expect(weekly).toMatchObject({ ScheduleExpression: 'cron(0 8 ? * MON *)', ScheduleExpressionTimezone: 'Europe/Berlin', Target: { Input: '{"operation":"weeklyReport"}' } });
    clock.advance(8 * 24 * 60 * 60_000);
    await eventually(() => expect(of('weekly')).toEqual([{ operation: 'weeklyReport' }]));
    scheduler.destroy();
  });

  it("delivers the table's stream to the stream function", async () => {
    const db = createLocalDynamoDbClient(rt.runtime.urls.dynamodb);
    await db.send(new PutItemCommand({ TableName: LOCAL_TABLE_NAME, Item: { PK: { S: 'LAUNCHER#1' }, SK: { S: 'X' } } }));
    db.destroy();
    await eventually(() => {
      const records = of('onChange').flatMap((e) => (e as { Records: { dynamodb: { Keys: { PK: { S: string } } } }[] }).Records);
      expect(records.map((r) => r.dynamodb.Keys.PK.S)).toContain('LAUNCHER#1');
    });
  });

  it('lets functions publish to the topic and send mail through the SDKs, visible to people', async () => {
    const sns = new SNSClient({ region: 'us-east-1', credentials });
    const { MessageId } = await sns.send(new PublishCommand({ TopicArn: fnEnv().TOPIC_ARN, Message: '{"kind":"TaskAssigned"}', MessageAttributes: { kind: { DataType: 'String', StringValue: 'TaskAssigned' } } }));
    sns.destroy();
    const listed = (await (await fetch(`${rt.runtime.urls.sns}/messages`)).json()) as { messages: { MessageId: string }[] };
    expect(listed.messages.map((m) => m.MessageId)).toContain(MessageId);
    const ses = new SESv2Client({ region: 'us-east-1', credentials });
    await ses.send(new SendEmailCommand({ FromEmailAddress: fnEnv().SENDER_EMAIL, Destination: { ToAddresses: ['max@taskwire.local'] }, Content: { Simple: { Subject: { Data: 'Hello' }, Body: { Text: { Data: 'Hi' } } } } }));
    ses.destroy();
    expect((await rt.runtime.events.ses.emails()).map((m) => m.subject)).toContain('Hello');
  });
});
