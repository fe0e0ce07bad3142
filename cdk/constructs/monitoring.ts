/**
 * CloudWatch alarms to the alarm topic, and one dashboard. Each alarm, and what to do when it fires,
 * is in docs/runbook.md (the alarm's description names its section).
 */
import { Duration } from 'aws-cdk-lib';
import type * as appsync from 'aws-cdk-lib/aws-appsync';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TaskwireFunction } from './taskwire-function.ts';

export interface MonitoringProps {
  stage: string;
  api: appsync.GraphqlApi;
  functions: Record<string, TaskwireFunction>;
  failures: sqs.IQueue;
  /** Schedule groups whose failures alarm (`default` holds the recurring schedules). */
  scheduleGroups: string[];
  alarmTopic: sns.ITopic;
}

export class Monitoring extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const action = new actions.SnsAction(props.alarmTopic);
    const alarm = (name: string, metric: cloudwatch.IMetric, threshold: number, runbook: string, op = cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD) => {
      const a = new cloudwatch.Alarm(this, name, {
        alarmName: `taskwire-${props.stage}-${name}`,
        alarmDescription: `docs/runbook.md#${runbook}`,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: op,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
      return a;
    };
    const api = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/AppSync', metricName, dimensionsMap: { GraphQLAPIId: props.api.apiId }, statistic, period: Duration.minutes(5) });

    // GraphQL errors from resolvers (enhanced metrics, all resolvers of a request), 5XX and latency.
    const resolverErrors = api('GraphQLError', 'Sum');
    const serverErrors = api('5XXError', 'Sum');
    const latency = api('Latency', 'p99');
    alarm('api-resolver-errors', resolverErrors, 50, 'api-resolver-errors');
    alarm('api-5xx', serverErrors, 1, 'api-5xx');
    alarm('api-latency-p99', latency, 2000, 'api-latency');

    const fnWidgets: cloudwatch.IWidget[] = [];
    for (const [name, f] of Object.entries(props.functions)) {
      alarm(`fn-${name}-errors`, f.fn.metricErrors({ period: Duration.minutes(5) }), 1, 'function-errors');
      alarm(`fn-${name}-throttles`, f.fn.metricThrottles({ period: Duration.minutes(5) }), 1, 'function-throttles');
      fnWidgets.push(
        new cloudwatch.GraphWidget({
          title: `λ ${name}`,
          left: [f.fn.metricInvocations(), f.fn.metricErrors(), f.fn.metricThrottles()],
          right: [f.fn.metricDuration({ statistic: 'p99' })],
          width: 8,
        }),
      );
    }

    const dlqDepth = props.failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' });
    alarm('failed-invocations-queued', dlqDepth, 1, 'failed-invocations');

    // Scheduler's own failures: a target that errored, or an invocation dropped after its retries.
    const groups = [...new Set(props.scheduleGroups)];
    const scheduleMetrics = groups.flatMap((group) =>
      ['TargetErrorCount', 'InvocationDroppedCount'].map(
        (metricName) => new cloudwatch.Metric({ namespace: 'AWS/Scheduler', metricName, dimensionsMap: { ScheduleGroup: group }, statistic: 'Sum', period: Duration.minutes(5) }),
      ),
    );
    if (scheduleMetrics.length > 0) {
      alarm(
        'schedule-failures',
        new cloudwatch.MathExpression({
          expression: scheduleMetrics.map((_, i) => `m${i}`).join('+'),
          usingMetrics: Object.fromEntries(scheduleMetrics.map((m, i) => [`m${i}`, m])),
          period: Duration.minutes(5),
          label: 'schedule failures',
        }),
        1,
        'schedule-failures',
      );
    }

    new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `taskwire-${props.stage}`,
      widgets: [
        [
          new cloudwatch.GraphWidget({ title: 'API requests and errors', left: [api('4XXError', 'Sum'), serverErrors, resolverErrors], width: 12 }),
          new cloudwatch.GraphWidget({ title: 'API latency (p50, p99)', left: [api('Latency', 'p50'), latency], width: 12 }),
        ],
        [new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 })],
        [new cloudwatch.GraphWidget({ title: 'Failed invocations waiting', left: [dlqDepth], width: 24 })],
        fnWidgets,
      ],
    });
  }
}
