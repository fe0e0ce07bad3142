/**
 * Stateless: everything that can be deleted and deployed again without losing data — the AppSync API,
 * the Lambda functions, the event side (stream, bus, rules, schedules, topic, email identity), the
 * alarms and dashboard, and the deployment's `taskwire-outputs.json` beside the web client.
 */
import { CfnOutput, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { TaskwireApi } from '../constructs/api.ts';
import { EventSide } from '../constructs/event-side.ts';
import { Monitoring } from '../constructs/monitoring.ts';
import { TaskwireFunction, type ResourceBindings } from '../constructs/taskwire-function.ts';
import type { TaskwireConfig } from '../lib/config.ts';
import { API_MANIFEST, deploymentOutputs, lambdas as manifestLambdas, loadSchema, type ApiManifest, type BundleSet, type LambdaDef } from '../lib/repo.ts';
import { nagName, physicalNames } from '../lib/names.ts';
import { acknowledgeBucketDeployment } from '../lib/nag.ts';
import { ADMINS_GROUP } from './stateful.ts';
import { OUTPUTS_FILE } from './web.ts';

/** The auth modes, as the local runtime serves them (default first). */
export const DEFAULT_AUTH_MODE = 'AMAZON_COGNITO_USER_POOLS' as const;
export const ADDITIONAL_AUTH_MODES = ['AWS_LAMBDA', 'AWS_IAM'] as const;
/** The manifest's Lambda authorizer. */
export const AUTHORIZER = 'authorizer';

export interface StatelessStackProps extends StackProps {
  config: TaskwireConfig;
  table: dynamodb.ITable;
  bucket: s3.IBucket;
  userPool: cognito.IUserPool;
  webClient: cognito.IUserPoolClient;
  webUrl: string;
  /** functions/manifest.ts and resolvers/manifest.ts unless given (tests add entries). */
  lambdas?: Record<string, LambdaDef>;
  manifest?: ApiManifest;
  bundles?: BundleSet;
}

/** Mutations only IAM may call (`@aws_iam` alone): what Taskwire's own functions publish. */
export function iamMutations(): string[] {
  const mutation = loadSchema().getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields())
    .filter((f) => {
      const directives = (f.astNode?.directives ?? []).map((d) => d.name.value);
      return directives.includes('aws_iam') && directives.every((d) => d === 'aws_iam');
    })
    .map((f) => f.name);
}

export class StatelessStack extends Stack {
  readonly functions: Record<string, TaskwireFunction> = {};
  readonly api: TaskwireApi;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config } = props;
    const defs = props.lambdas ?? manifestLambdas;
    // The stateful and web resources, by their physical names (lib/names.ts), so the grants below name
    // them directly; the stream's ARN comes from the stateful stack.
    const names = physicalNames(config.stage);
    const table = dynamodb.Table.fromTableAttributes(this, 'TableRef', { tableName: names.table, tableStreamArn: props.table.tableStreamArn!, grantIndexPermissions: true });
    const bucket = s3.Bucket.fromBucketName(this, 'AttachmentsRef', names.attachmentsBucket);
    const webBucket = s3.Bucket.fromBucketName(this, 'WebBucketRef', names.webBucket);

    const failures = new sqs.Queue(this, 'FailedInvocations', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: undefined,
    });
    Validations.of(failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter destination of failed invocations (Lambda on-failure, stream, rules, schedules); its depth is alarmed.',
    });

    const alarmTopic = new sns.Topic(this, 'Alarms', { displayName: `Taskwire ${config.stage} alarms`, enforceSSL: true });
    if (config.alarmEmail) alarmTopic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));
    const topic = new sns.Topic(this, 'Notifications', { displayName: `Taskwire ${config.stage} notifications`, enforceSSL: true });
    for (const t of [alarmTopic, topic]) {
      Validations.of(t).acknowledge({
        id: 'AwsSolutions-SNS2',
        reason: 'Messages name tasks and projects, not secrets; a customer-managed KMS key costs money at idle, and CloudWatch alarms cannot publish to a topic under the AWS-managed SNS key.',
      });
    }
    const bus = new events.EventBus(this, 'Bus', { eventBusName: `taskwire-${config.stage}` });
    const identity = config.senderEmail
      ? new ses.EmailIdentity(this, 'Sender', {
          identity: config.senderEmail.includes('@') ? ses.Identity.email(config.senderEmail) : ses.Identity.domain(config.senderEmail),
        })
      : undefined;

    for (const [name, def] of Object.entries(defs)) {
      this.functions[name] = new TaskwireFunction(this, `Fn.${name}`, { name, def, logRetentionDays: config.logRetentionDays, failures });
    }
    const authorizer = this.functions[AUTHORIZER];
    if (!authorizer) throw new Error(`functions/manifest.ts has no ${AUTHORIZER} function (the API's Lambda authorizer)`);

    this.api = new TaskwireApi(this, 'Graphql', {
      config,
      manifest: props.manifest ?? API_MANIFEST,
      userPool: props.userPool,
      table,
      tableIndexesFinding: `arn:<AWS::Partition>:dynamodb:<AWS::Region>:<AWS::AccountId>:table/${names.table}/index/*`,
      bus,
      functions: Object.fromEntries(Object.entries(this.functions).map(([n, f]) => [n, f.fn])),
      authorizer: authorizer.fn,
      ...(props.bundles ? { bundles: props.bundles } : {}),
    });
    const api = this.api.api;

    const eventSide = new EventSide(this, 'Events', { stage: config.stage, table, bus, functions: this.functions, failures });

    const statement = (actions: string[], resources: string[]) => new iam.PolicyStatement({ actions, resources });
    const bindings: ResourceBindings = {
      table: {
        env: { TABLE_NAME: table.tableName },
        grant: (fn, access) => (access === 'readWrite' ? table.grantReadWriteData(fn) : table.grantReadData(fn)),
        acknowledge: [{ id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:dynamodb:<AWS::Region>:<AWS::AccountId>:table/${names.table}/index/*]`, reason: 'Every list is a Query on one of the table\'s indexes (docs/access-patterns.md); the grant covers the table\'s own indexes only.' }],
      },
      bucket: {
        env: { ATTACHMENTS_BUCKET: bucket.bucketName },
        grant: (fn, access) => {
          if (access === 'readWrite') fn.addToRolePolicy(statement(['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], [bucket.arnForObjects('*')]));
          else {
            fn.addToRolePolicy(statement(['s3:ListBucket'], [bucket.bucketArn]));
            fn.addToRolePolicy(statement(['s3:DeleteObject'], [bucket.arnForObjects('*')]));
          }
        },
        acknowledge: [{ id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${nagName(names.attachmentsBucket)}/*]`, reason: 'Attachments are objects keyed by project and task: the function works on any object of this one bucket, and the URLs it presigns are scoped to one object.' }],
      },
      userPool: {
        env: { USER_POOL_ID: props.userPool.userPoolId },
        grant: (fn, access) => {
          const find = ['cognito-idp:AdminGetUser', 'cognito-idp:AdminCreateUser', 'cognito-idp:ListUsers'];
          const directory = ['cognito-idp:AdminListGroupsForUser', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminEnableUser', 'cognito-idp:AdminUserGlobalSignOut'];
          fn.addToRolePolicy(statement(access === 'directory' ? [...find, ...directory] : find, [props.userPool.userPoolArn]));
        },
      },
      appsync: {
        env: { APPSYNC_URL: api.graphqlUrl },
        grant: (fn) => fn.addToRolePolicy(statement(['appsync:GraphQL'], iamMutations().map((f) => `${api.arn}/types/Mutation/fields/${f}`))),
      },
      bus: { env: { EVENT_BUS_NAME: bus.eventBusName }, grant: (fn) => bus.grantPutEventsTo(fn) },
      topic: { env: { TOPIC_ARN: topic.topicArn }, grant: (fn) => topic.grantPublish(fn) },
      web: { env: { WEB_URL: props.webUrl }, grant: () => undefined },
    };
    if (eventSide.reminders) {
      const { group, role, target } = eventSide.reminders;
      bindings.scheduler = {
        env: { SCHEDULE_GROUP_NAME: group.scheduleGroupName, SCHEDULER_ROLE_ARN: role.roleArn, REMINDER_FUNCTION_ARN: target.functionArn },
        grant: (fn) => {
          fn.addToRolePolicy(
            statement(
              ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule'],
              [this.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${group.scheduleGroupName}/*` })],
            ),
          );
          role.grantPassRole(fn.grantPrincipal);
        },
        acknowledge: [{ id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${group.scheduleGroupName}/*]`, reason: 'One schedule per reminder, named at run time: the grant covers schedules of Taskwire\'s reminder group only.' }],
      };
    }
    if (identity && config.senderEmail) {
      const senderEmail = config.senderEmail;
      bindings.email = {
        env: { SENDER_EMAIL: senderEmail.includes('@') ? senderEmail : `notifications@${senderEmail}` },
        grant: (fn) => fn.addToRolePolicy(statement(['ses:SendEmail', 'ses:SendRawEmail'], [this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity.emailIdentityName })])),
      };
    }
    for (const f of Object.values(this.functions)) f.useResources(bindings);

    new Monitoring(this, 'Monitoring', {
      stage: config.stage,
      api,
      functions: this.functions,
      failures,
      scheduleGroups: [
        ...(eventSide.recurring.length ? ['default'] : []),
        ...(eventSide.reminders ? [eventSide.reminders.group.scheduleGroupName] : []),
      ],
      alarmTopic,
    });

    // The deployment's client configuration, in the local runtime's shape, beside the web client.
    const outputs = deploymentOutputs({
      region: this.region,
      graphqlUrl: api.graphqlUrl,
      realtimeUrl: this.api.realtimeUrl,
      defaultAuthMode: DEFAULT_AUTH_MODE,
      additionalAuthModes: [...ADDITIONAL_AUTH_MODES],
      userPoolId: props.userPool.userPoolId,
      userPoolClientId: props.webClient.userPoolClientId,
      groups: [ADMINS_GROUP],
      webUrl: props.webUrl,
      bucketName: bucket.bucketName,
    });
    new s3deploy.BucketDeployment(this, 'ClientConfiguration', {
      sources: [s3deploy.Source.jsonData(OUTPUTS_FILE, outputs)],
      destinationBucket: webBucket,
      prune: false,
      memoryLimit: 256,
    });
    acknowledgeBucketDeployment(this, `arn:<AWS::Partition>:s3:::${nagName(names.webBucket)}/*`, false);

    const out = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description });
    out('Region', this.region, 'AWS region of the deployment');
    out('GraphqlUrl', api.graphqlUrl, 'AppSync GraphQL endpoint');
    out('RealtimeUrl', this.api.realtimeUrl, 'AppSync real-time endpoint');
    out('UserPoolId', props.userPool.userPoolId, 'Cognito user pool');
    out('UserPoolClientId', props.webClient.userPoolClientId, 'Cognito app client of the web client');
    out('AttachmentsBucket', bucket.bucketName, 'S3 bucket of attachments');
    out('WebUrl', props.webUrl, 'The web client');
    out('AlarmTopicArn', alarmTopic.topicArn, 'SNS topic the alarms notify');
  }
}
