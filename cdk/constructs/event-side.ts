/**
 * The event side, driven only by functions/manifest.ts fields (`stream`, `rules`, `scheduleTarget`,
 * `schedules`), so any entry that declares them is wired the same way:
 * - `stream`: the table's stream (filtered to Taskwire's items) in batches, reporting partial batch failures;
 * - `rules`: EventBridge rules on Taskwire's bus with the entry's event patterns, as AWS documents them;
 * - `scheduleTarget`: the function the one-time reminder schedules invoke, in their own schedule group,
 *   through a role that may invoke that function and nothing else;
 * - `schedules`: recurring invocations (`rate()` or `cron()` in a time zone), e.g. the weekly report.
 */
import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { arnFinding } from '../lib/nag.ts';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TaskwireFunction } from './taskwire-function.ts';

export interface EventSideProps {
  stage: string;
  table: dynamodb.ITable;
  bus: events.IEventBus;
  functions: Record<string, TaskwireFunction>;
  failures: sqs.IQueue;
}

export class EventSide extends Construct {
  /** The group of the one-time reminder schedules, and the role they run with (when an entry is their target). */
  readonly reminders?: { group: scheduler.ScheduleGroup; role: iam.Role; target: lambda.IFunction };
  readonly recurring: scheduler.Schedule[] = [];

  constructor(scope: Construct, id: string, props: EventSideProps) {
    super(scope, id);
    const targets = Object.entries(props.functions).filter(([, f]) => f.def.scheduleTarget);
    if (targets.length > 1) throw new Error(`only one function may be the reminder schedules' target, not ${targets.map(([n]) => n).join(', ')}`);

    for (const [name, f] of Object.entries(props.functions)) {
      const { stream, rules = [] } = f.def;
      if (stream) {
        f.fn.addEventSource(
          new sources.DynamoEventSource(props.table, {
            startingPosition: lambda.StartingPosition.TRIM_HORIZON,
            batchSize: stream.batchSize,
            ...(stream.maxBatchingWindowSeconds !== undefined ? { maxBatchingWindow: Duration.seconds(stream.maxBatchingWindowSeconds) } : {}),
            retryAttempts: stream.maxRetries ?? 10,
            bisectBatchOnError: true,
            reportBatchItemFailures: true,
            onFailure: new sources.SqsDlq(props.failures),
            // Only Taskwire's items (every one has an `entity` attribute), created, changed or removed.
            filters: [
              lambda.FilterCriteria.filter({ dynamodb: { NewImage: { entity: { S: lambda.FilterRule.exists() } } } }),
              lambda.FilterCriteria.filter({ dynamodb: { OldImage: { entity: { S: lambda.FilterRule.exists() } } } }),
            ],
          }),
        );
      }
      for (const rule of rules) {
        const r = new events.Rule(this, `Rule.${name}.${rule.name}`, {
          eventBus: props.bus,
          ruleName: `taskwire-${props.stage}-${rule.name}`,
          ...(rule.description ? { description: rule.description } : {}),
          eventPattern: { source: ['taskwire'] },
          targets: [new eventTargets.LambdaFunction(f.fn, { deadLetterQueue: props.failures, retryAttempts: 4, maxEventAge: Duration.hours(2) })],
        });
        // The manifest's pattern is AWS's own JSON (`detail-type`, …): passed through unchanged.
        (r.node.defaultChild as events.CfnRule).addPropertyOverride('EventPattern', rule.pattern);
      }
      if (f.def.schedules?.length) {
        // Scheduler's target role (CDK's, one per function) may invoke this function and its versions.
        Validations.of(Stack.of(this)).acknowledge({ id: `AwsSolutions-IAM5[Resource::${arnFinding(f.fn)}:*]`, reason: 'The recurring schedule\'s role may invoke this one function (and its versions), nothing else.' });
      }
      for (const [i, schedule] of (f.def.schedules ?? []).entries()) {
        let expression: scheduler.ScheduleExpression;
        if (schedule.cron) expression = scheduler.ScheduleExpression.expression(schedule.cron, schedule.timeZone ? TimeZone.of(schedule.timeZone) : TimeZone.ETC_UTC);
        else if (schedule.everyMinutes) expression = scheduler.ScheduleExpression.rate(Duration.minutes(schedule.everyMinutes));
        else throw new Error(`schedule ${i} of ${name} has neither everyMinutes nor cron`);
        this.recurring.push(
          new scheduler.Schedule(this, `Schedule.${name}.${i}`, {
            description: `${name}: ${JSON.stringify(schedule.event)}`,
            schedule: expression,
            target: new schedulerTargets.LambdaInvoke(f.fn, {
              input: scheduler.ScheduleTargetInput.fromObject(schedule.event),
              deadLetterQueue: props.failures,
              retryAttempts: 3,
              maxEventAge: Duration.hours(1),
            }),
          }),
        );
      }
    }

    const [target] = targets;
    if (target) {
      const fn = target[1].fn;
      const group = new scheduler.ScheduleGroup(this, 'Reminders', { scheduleGroupName: `taskwire-${props.stage}-reminders` });
      const role = new iam.Role(this, 'ReminderSchedulerRole', {
        description: 'EventBridge Scheduler runs the reminder schedules with this role: it may invoke the reminder function, nothing else',
        assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
          // Only schedules of this account's reminder group may use it (no confused deputy).
          conditions: {
            StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
            ArnLike: { 'aws:SourceArn': Stack.of(this).formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${group.scheduleGroupName}/*` }) },
          },
        }),
      });
      role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] }));
      this.reminders = { group, role, target: fn };
    }
  }
}
