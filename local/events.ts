/**
 * Taskwire's event side in the local runtime: starts the local EventBridge, Scheduler, SNS and SES
 * (local/services/events/, which know no product) and wires them to the functions of
 * functions/manifest.ts as CDK wires them on AWS fields of an entry):
 *   - `rules`          EventBridge rules on Taskwire's bus, targeting the function;
 *   - `scheduleTarget` the function REMINDER_FUNCTION_ARN names (the reminder schedules' target);
 *   - `schedules`      recurring Scheduler schedules (`rate(N minutes)`, or `cron` in `timeZone`);
 *   - `stream`         the table's stream, in Lambda-shaped batches (started last, by `startStreams`).
 * The AppSync EventBridge data source puts its events on the same bus (`sink`).
 */
import { ConflictException, CreateScheduleCommand, CreateScheduleGroupCommand, GetScheduleCommand, ResourceNotFoundException, SchedulerClient, UpdateScheduleCommand, type CreateScheduleCommandInput } from '@aws-sdk/client-scheduler';
import { join } from 'node:path';
import type { EventSink } from '../packages/appsync-local/src/appsync/datasources/index.ts';
import type { LocalConfig } from './config.ts';
import type { LambdaRunner } from './lambdas.ts';
import { functionNameOf, lambdaArn, type Clock } from '../packages/appsync-local/src/services/events/common.ts';
import { startStreamPoller, type StreamPoller } from '../packages/appsync-local/src/services/events/dynamodb-streams.ts';
import { startLocalEventBridge, type EventRuleDef, type LocalEventBridge } from '../packages/appsync-local/src/services/events/eventbridge.ts';
import { startLocalScheduler, type LocalScheduler } from '../packages/appsync-local/src/services/events/scheduler.ts';
import { startSesLocal, type SesLocal } from '../packages/appsync-local/src/services/events/ses.ts';
import { startLocalSns, type LocalSns } from '../packages/appsync-local/src/services/events/sns.ts';
import type { LambdaDef } from '../functions/manifest.ts';

/** Taskwire's resource names locally (on AWS the CDK stack names them and sets the same variables). */
export const EVENT_BUS_NAME = 'taskwire';
export const SCHEDULE_GROUP_NAME = 'taskwire';
export const TOPIC_NAME = 'taskwire-events';
export const SENDER_EMAIL = 'notifications@taskwire.local';

/** The event-side fields of a manifest entry, read whether or not LambdaDef has them yet. */
export interface EventSideDef {
  stream?: { batchSize: number; maxBatchingWindowSeconds?: number; maxRetries?: number };
  rules?: readonly { name: string; description?: string; pattern: Record<string, unknown> }[];
  scheduleTarget?: boolean;
  schedules?: readonly { everyMinutes?: number; cron?: string; timeZone?: string; event: Record<string, unknown> }[];
}

export type FunctionDefs = Record<string, LambdaDef | (Omit<LambdaDef, 'schedules'> & EventSideDef)>;

export interface EventServices {
  eventBridge: LocalEventBridge;
  scheduler: LocalScheduler;
  sns: LocalSns;
  ses: SesLocal;
  /** What the AppSync EventBridge data source puts events into: Taskwire's bus. */
  sink: EventSink;
  env: {
    eventBridgeEndpoint: string;
    schedulerEndpoint: string;
    snsEndpoint: string;
    sesEndpoint: string;
    dynamoDbStreamsEndpoint: string;
    eventBusName: string;
    scheduleGroupName: string;
    schedulerRoleArn: string;
    reminderFunctionArn?: string;
    topicArn: string;
    senderEmail: string;
  };
  /**
   * Starts firing schedules and delivering the table's stream to the `stream` functions (once the API
   * they call is up).
   */
  startDelivery(): Promise<void>;
  /** Creates (or brings up to date) the manifest's recurring schedules. */
  ensureRecurringSchedules(): Promise<void>;
  /** Resolves when no event, schedule or message delivery is in flight. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export interface EventServicesOptions {
  config: Pick<LocalConfig, 'host' | 'region' | 'dataDir' | 'inMemory' | 'eventBridgePort' | 'schedulerPort' | 'snsPort' | 'sesPort'>;
  accountId: string;
  defs: FunctionDefs;
  lambdas: LambdaRunner;
  tableName: string;
  dynamoDb: { endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  /** Signs the launcher's own Scheduler calls. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  clock?: Clock;
  /** Real ms between the Scheduler's due checks. */
  schedulerPollMs?: number;
  log: (line: string) => void;
}

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function startEventServices(o: EventServicesOptions): Promise<EventServices> {
  const { config, defs, lambdas, log } = o;
  const region = config.region;
  const arnOf = (name: string) => lambdaArn(region, o.accountId, name);
  const functionFor = (arn: string) => {
    const name = functionNameOf(arn);
    return Object.hasOwn(defs, name) ? lambdas.lazyHandler(name) : undefined;
  };
  const entries = Object.entries(defs) as [string, EventSideDef][];

  const rules: EventRuleDef[] = entries.flatMap(([name, def]) =>
    (def.rules ?? []).map((r) => ({
      name: r.name,
      description: r.description,
      eventBusName: EVENT_BUS_NAME,
      pattern: r.pattern,
      targets: [{ id: name, fn: lambdas.lazyHandler(name)! }],
    })),
  );
  const reminderTargets = entries.filter(([, d]) => d.scheduleTarget).map(([n]) => n);
  if (reminderTargets.length > 1) throw new Error(`functions/manifest.ts: only one function can be the scheduleTarget (found ${reminderTargets.join(', ')})`);

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    const ses = await startSesLocal({ host: config.host, port: config.sesPort });
    stops.push(ses.stop);
    const eventBridge = await startLocalEventBridge({
      region,
      accountId: o.accountId,
      buses: [EVENT_BUS_NAME],
      rules,
      host: config.host,
      port: config.eventBridgePort,
      clock: o.clock,
      onDeliveryFailure: (f) => log(`EventBridge: rule ${f.rule} could not deliver ${f.event['detail-type']} to ${f.target}: ${describe(f.error)}`),
    });
    stops.push(eventBridge.stop);
    const scheduler = await startLocalScheduler({
      region,
      accountId: o.accountId,
      stateFile: config.inMemory ? null : join(config.dataDir, 'scheduler', 'schedules.json'),
      resolveTarget: functionFor,
      host: config.host,
      port: config.schedulerPort,
      clock: o.clock,
      pollMs: o.schedulerPollMs,
      // Nothing fires before the API the targets call is up (`startDelivery`).
      paused: true,
      onDeliveryFailure: (f) => log(`Scheduler: ${f.scheduleArn} could not invoke ${f.targetArn}: ${describe(f.error)}`),
    });
    stops.push(scheduler.stop);
    const sns = await startLocalSns({
      region,
      accountId: o.accountId,
      topics: [TOPIC_NAME],
      resolveFunction: functionFor,
      host: config.host,
      port: config.snsPort,
      clock: o.clock,
      onDeliveryFailure: (f) => log(`SNS: could not deliver to ${f.subscriptionArn}: ${describe(f.error)}`),
    });
    stops.push(sns.stop);

    const schedulerClient = () => new SchedulerClient({ endpoint: scheduler.endpoint, region, credentials: o.credentials });
    // Taskwire's reminder group, as the CDK stack creates it.
    {
      const client = schedulerClient();
      try {
        await client.send(new CreateScheduleGroupCommand({ Name: SCHEDULE_GROUP_NAME }));
      } catch (err) {
        if (!(err instanceof ConflictException)) throw err;
      } finally {
        client.destroy();
      }
    }

    let streams: StreamPoller | undefined;
    const sink: EventSink = {
      async putEvents(list) {
        // The resolvers manifest's EventBridge data source names no bus: on AWS it is bound to Taskwire's.
        const { Entries } = eventBridge.putEvents(
          list.map((e) => ({
            EventBusName: e.EventBusName === 'default' ? EVENT_BUS_NAME : e.EventBusName,
            Source: e.Source,
            DetailType: e.DetailType,
            Detail: e.Detail,
            Resources: e.Resources,
            Time: e.Time,
          })),
        );
        return Entries;
      },
    };

    return {
      eventBridge,
      scheduler,
      sns,
      ses,
      sink,
      env: {
        eventBridgeEndpoint: eventBridge.endpoint,
        schedulerEndpoint: scheduler.endpoint,
        snsEndpoint: sns.endpoint,
        sesEndpoint: ses.endpoint,
        // DynamoDB Local serves its streams API on its own endpoint.
        dynamoDbStreamsEndpoint: o.dynamoDb.endpoint,
        eventBusName: EVENT_BUS_NAME,
        scheduleGroupName: SCHEDULE_GROUP_NAME,
        schedulerRoleArn: `arn:aws:iam::${o.accountId}:role/taskwire-scheduler`,
        ...(reminderTargets[0] ? { reminderFunctionArn: arnOf(reminderTargets[0]) } : {}),
        topicArn: sns.topicArn(TOPIC_NAME),
        senderEmail: SENDER_EMAIL,
      },
      async startDelivery() {
        scheduler.resume();
        const consumers = entries
          .filter(([, d]) => d.stream)
          .map(([name, d]) => ({ name, ...d.stream!, fn: lambdas.lazyHandler(name)! }));
        if (!consumers.length || streams) return;
        streams = await startStreamPoller({
          endpoint: o.dynamoDb.endpoint,
          region,
          credentials: o.dynamoDb.credentials,
          tableName: o.tableName,
          checkpointDir: config.inMemory ? null : join(config.dataDir, 'streams'),
          consumers,
          onError: (name, err) => log(`stream → ${name}: ${describe(err)}`),
          onSkipped: (name, records, err) => log(`stream → ${name}: skipped ${records.length} record(s) after retries: ${describe(err)}`),
        });
        stops.push(() => streams!.stop());
      },
      async ensureRecurringSchedules() {
        const client = schedulerClient();
        try {
          for (const [name, def] of entries) {
            for (const [i, s] of (def.schedules ?? []).entries()) {
              const expression = s.cron ?? (s.everyMinutes === 1 ? 'rate(1 minute)' : `rate(${s.everyMinutes} minutes)`);
              const input: CreateScheduleCommandInput = {
                Name: `${name}-${i + 1}`,
                GroupName: 'default',
                ScheduleExpression: expression,
                ...(s.timeZone ? { ScheduleExpressionTimezone: s.timeZone } : {}),
                FlexibleTimeWindow: { Mode: 'OFF' },
                Target: { Arn: arnOf(name), RoleArn: `arn:aws:iam::${o.accountId}:role/taskwire-scheduler`, Input: JSON.stringify(s.event) },
              };
              let current;
              try {
                current = await client.send(new GetScheduleCommand({ Name: input.Name, GroupName: 'default' }));
              } catch (err) {
                if (!(err instanceof ResourceNotFoundException)) throw err;
              }
              if (!current) await client.send(new CreateScheduleCommand(input));
              // Unchanged schedules are left alone, so one that fell due while stopped still fires once.
              else if (
                current.ScheduleExpression !== input.ScheduleExpression ||
                (current.ScheduleExpressionTimezone ?? undefined) !== input.ScheduleExpressionTimezone ||
                current.Target?.Arn !== input.Target!.Arn ||
                current.Target?.Input !== input.Target!.Input
              ) {
                await client.send(new UpdateScheduleCommand(input));
              }
            }
          }
        } finally {
          client.destroy();
        }
      },
      async drain() {
        await Promise.all([eventBridge.drain(), scheduler.drain(), sns.drain()]);
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
