/**
 * Taskwire's Lambda functions, by name: read by the CDK app (one NodejsFunction each) and by the local
 * runtime (which imports `entry` and calls its `handler` in-process, as AppSync or EventBridge would).
 */
import { DETAIL_TYPES, SOURCE } from './stream/eventTypes.ts';

/**
 * The AWS resources a function may use, each with the environment variable(s) that carry its name or
 * address and the access levels it can be granted. A function's `uses` names resources and access
 * levels from here; the CDK app grants that access and sets those variables in one call
 * (cdk/constructs/taskwire-function.ts), and the local launcher gives each handler exactly those
 * variables (local/lambdas.ts). Handlers never write a resource name: they read these variables.
 */
export const RESOURCES = {
  /** The single table (model/table.ts). */
  table: { env: ['TABLE_NAME'], access: ['read', 'readWrite'] },
  /** The attachments bucket: `readWrite` = get/put/head/delete one object (presigned URLs); `purge` = list + delete. */
  bucket: { env: ['ATTACHMENTS_BUCKET'], access: ['readWrite', 'purge'] },
  /**
   * The user pool: `admin` = AdminGetUser, AdminCreateUser, ListUsers (find or invite a person);
   * `directory` = that plus AdminListGroupsForUser, AdminDisableUser, AdminEnableUser and
   * AdminUserGlobalSignOut (the global Admins' user pages).
   */
  userPool: { env: ['USER_POOL_ID'], access: ['admin', 'directory'] },
  /** The GraphQL API: `publish` = appsync:GraphQL (SigV4) on the IAM-only mutations of schema.graphql. */
  appsync: { env: ['APPSYNC_URL'], access: ['publish'] },
  /** Taskwire's EventBridge bus: `put` = PutEvents. */
  bus: { env: ['EVENT_BUS_NAME'], access: ['put'] },
  /** The one-time reminder schedules: `manage` = create/update/delete/get schedules in the group, pass the scheduler role. */
  scheduler: { env: ['SCHEDULE_GROUP_NAME', 'SCHEDULER_ROLE_ARN', 'REMINDER_FUNCTION_ARN'], access: ['manage'] },
  /** The notifications topic: `publish` = sns:Publish. */
  topic: { env: ['TOPIC_ARN'], access: ['publish'] },
  /** The sender identity: `send` = ses:SendEmail from it. */
  email: { env: ['SENDER_EMAIL'], access: ['send'] },
  /** The web client's URL (links in emails): `link` grants nothing. */
  web: { env: ['WEB_URL'], access: ['link'] },
} as const satisfies Record<string, { env: readonly string[]; access: readonly string[] }>;

export type ResourceName = keyof typeof RESOURCES;
/** What a function uses: each resource it needs with the access it needs (RESOURCES). */
export type Uses = { [R in ResourceName]?: (typeof RESOURCES)[R]['access'][number] };

/** Every environment variable a resource can carry (the names the local launcher scopes per function). */
export const RESOURCE_VARIABLES: readonly string[] = Object.values(RESOURCES).flatMap((r) => r.env);

/** The environment variables a function's `uses` gives it, in RESOURCES order. */
export function variablesOf(def: Pick<LambdaDef, 'uses'>): string[] {
  return (Object.keys(RESOURCES) as ResourceName[]).filter((r) => def.uses?.[r] !== undefined).flatMap((r) => [...RESOURCES[r].env]);
}

export interface LambdaDef {
  /** Module exporting `handler`, relative to the repository root. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  /** The resources it needs, with the access to each (RESOURCES): its grants and its environment, said once. */
  uses: Uses;
  /**
   * Recurring invocations (an EventBridge Scheduler schedule, on AWS and in the local Scheduler), each
   * with the event it sends. `everyMinutes` is a `rate()`; a `cron` (Scheduler's `cron(...)` expression,
   * in `timeZone`, UTC by default) runs on AWS at those times. Every handler they call is idempotent.
   */
  schedules?: readonly { everyMinutes?: number; cron?: string; timeZone?: string; event: Record<string, unknown> }[];
  /** Invoked by the table's stream (NEW_AND_OLD_IMAGES) in Lambda-shaped batches, reporting partial batch failures. */
  stream?: { batchSize: number; maxBatchingWindowSeconds?: number; maxRetries?: number };
  /** EventBridge rules on Taskwire's bus that target this function (event patterns exactly as AWS documents them). */
  rules?: readonly { name: string; description?: string; pattern: Record<string, unknown> }[];
  /** Target of the one-time reminder schedules in Taskwire's EventBridge Scheduler schedule group. */
  scheduleTarget?: boolean;
}

export const lambdas = {
  authorizer: {
    entry: 'functions/authorizer/handler.ts',
    description: 'AppSync Lambda authorizer: resolves project-scoped integration tokens',
    timeoutSeconds: 10,
    uses: { table: 'read' },
  },
  tokens: {
    entry: 'functions/tokens/handler.ts',
    description: 'Generates integration token secrets and their hashes (APPSYNC_JS has no crypto)',
    timeoutSeconds: 10,
    uses: {},
  },
  members: {
    entry: 'functions/members/handler.ts',
    description: 'Finds a person by email in Cognito, inviting them when they have no account',
    timeoutSeconds: 15,
    uses: { userPool: 'admin' },
  },
  attachments: {
    entry: 'functions/attachments/handler.ts',
    description: 'Presigned S3 POST/GET URLs scoped to one attachment object',
    timeoutSeconds: 10,
    uses: { bucket: 'readWrite' },
  },
  workers: {
    entry: 'functions/workers/handler.ts',
    description: "Background work after a mutation's write: purge a deleted task's children, carry a completed sprint's tasks over",
    timeoutSeconds: 300,
    uses: { table: 'readWrite', bucket: 'purge', appsync: 'publish' },
    // Purges keep their tombstone until every upload URL issued before the delete has expired, then
    // sweep once more (docs/access-patterns.md); this pass finishes them, and any interrupted one.
    schedules: [{ everyMinutes: 5, event: { operation: 'resumePurges' } }],
  },
  admin: {
    entry: 'functions/admin/handler.ts',
    description: "The global Admins' API: every project with its admins and size, every user (Cognito ListUsers) with their memberships, invite, disable/enable",
    timeoutSeconds: 30,
    uses: { table: 'read', userPool: 'directory' },
  },
  reports: {
    entry: 'functions/reports/handler.ts',
    description: 'sprintReport / projectReport: burndown, velocity, status breakdown, workload, overdue (Queries on keys and indexes only)',
    timeoutSeconds: 30,
    uses: { table: 'read' },
  },
  stream: {
    entry: 'functions/stream/handler.ts',
    description: "The table's stream: domain events on the bus, report aggregates, reminder schedules, unfinished background work (docs/events.md)",
    timeoutSeconds: 300,
    uses: { table: 'readWrite', bucket: 'purge', appsync: 'publish', bus: 'put', scheduler: 'manage' },
    stream: { batchSize: 100, maxBatchingWindowSeconds: 1, maxRetries: 10 },
  },
  notify: {
    entry: 'functions/notify/handler.ts',
    description: 'Domain events to people (in-app through publishNotification, coalesced email digests) and to the SNS topic',
    timeoutSeconds: 60,
    uses: { table: 'readWrite', appsync: 'publish', scheduler: 'manage', topic: 'publish', email: 'send', web: 'link' },
    rules: [
      {
        name: 'taskwire-domain-events',
        description: "Every domain event of Taskwire's stream handler (docs/events.md)",
        pattern: { source: [SOURCE], 'detail-type': [...DETAIL_TYPES] },
      },
    ],
  },
  reminders: {
    entry: 'functions/reminders/handler.ts',
    description: 'Due-soon and overdue reminders, and email digests, when their one-time schedule fires (idempotent per task, due date, person and kind)',
    timeoutSeconds: 60,
    uses: { table: 'readWrite', appsync: 'publish', email: 'send', web: 'link' },
    scheduleTarget: true,
  },
  weeklyReport: {
    entry: 'functions/reports/weekly.ts',
    description: "Emails each project's admins its weekly report (HTML and text)",
    timeoutSeconds: 300,
    uses: { table: 'readWrite', email: 'send', web: 'link' },
    schedules: [{ cron: 'cron(0 8 ? * MON *)', timeZone: 'UTC', event: { operation: 'weeklyReport' } }],
  },
} as const satisfies Record<string, LambdaDef>;

export type LambdaName = keyof typeof lambdas;

/** The AppSync Lambda authorizer (AWS_LAMBDA auth mode): resolves integration tokens. */
export const AUTHORIZER: LambdaName = 'authorizer';
