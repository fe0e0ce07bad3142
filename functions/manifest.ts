/**
 * Taskwire's Lambda functions, by name: read by the CDK app (one NodejsFunction each) and by the local
 * runtime (which imports `entry` and calls its `handler` in-process, as AppSync or EventBridge would).
 */
import { DETAIL_TYPES, SOURCE } from './stream/eventTypes.ts';

export interface LambdaDef {
  /** Module exporting `handler`, relative to the repository root. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  /** Access the function needs to the single table. */
  table: 'none' | 'read' | 'readWrite';
  /** Other AWS access it needs (CDK grants exactly these). */
  needs?: ('cognito-admin' | 'attachments-bucket' | 'appsync-iam' | 'events' | 'scheduler' | 'ses' | 'sns')[];
  /**
   * Recurring invocations, each with the event it sends: every `everyMinutes` (a `rate()` schedule), or
   * on a `cron` expression of EventBridge Scheduler (`cron(0 8 ? * MON *)`) in `timeZone` (default UTC).
   * Every handler they call is idempotent.
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
    table: 'read',
  },
  tokens: {
    entry: 'functions/tokens/handler.ts',
    description: 'Generates integration token secrets and their hashes (APPSYNC_JS has no crypto)',
    timeoutSeconds: 10,
    table: 'none',
  },
  members: {
    entry: 'functions/members/handler.ts',
    description: 'Finds a person by email in Cognito, inviting them when they have no account',
    timeoutSeconds: 15,
    table: 'none',
    needs: ['cognito-admin'],
  },
  attachments: {
    entry: 'functions/attachments/handler.ts',
    description: 'Presigned S3 POST/GET URLs scoped to one attachment object',
    timeoutSeconds: 10,
    table: 'none',
    needs: ['attachments-bucket'],
  },
  workers: {
    entry: 'functions/workers/handler.ts',
    description: "Background work after a mutation's write: purge a deleted task's children, carry a completed sprint's tasks over",
    timeoutSeconds: 300,
    table: 'readWrite',
    needs: ['attachments-bucket', 'appsync-iam'],
    // Purges keep their tombstone until every upload URL issued before the delete has expired, then
    // sweep once more (docs/access-patterns.md); this pass finishes them, and any interrupted one.
    schedules: [{ everyMinutes: 5, event: { operation: 'resumePurges' } }],
  },
  reports: {
    entry: 'functions/reports/handler.ts',
    description: 'sprintReport / projectReport: burndown, velocity, status breakdown, workload, overdue (Queries on keys and indexes only)',
    timeoutSeconds: 30,
    table: 'read',
  },
  stream: {
    entry: 'functions/stream/handler.ts',
    description: "The table's stream: domain events on the bus, report aggregates, reminder schedules, unfinished background work (docs/events.md)",
    timeoutSeconds: 300,
    table: 'readWrite',
    needs: ['events', 'scheduler', 'attachments-bucket', 'appsync-iam'],
    stream: { batchSize: 100, maxBatchingWindowSeconds: 1, maxRetries: 10 },
  },
  notify: {
    entry: 'functions/notify/handler.ts',
    description: 'Domain events to people (in-app through publishNotification, coalesced email digests) and to the SNS topic',
    timeoutSeconds: 60,
    table: 'readWrite',
    needs: ['appsync-iam', 'ses', 'sns', 'scheduler'],
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
    table: 'readWrite',
    needs: ['appsync-iam', 'ses'],
    scheduleTarget: true,
  },
  weeklyReport: {
    entry: 'functions/reports/weekly.ts',
    description: "Emails each project's admins its weekly report (HTML and text)",
    timeoutSeconds: 300,
    table: 'readWrite',
    needs: ['ses'],
    schedules: [{ cron: 'cron(0 8 ? * MON *)', timeZone: 'UTC', event: { operation: 'weeklyReport' } }],
  },
} as const satisfies Record<string, LambdaDef>;

export type LambdaName = keyof typeof lambdas;

/** The AppSync Lambda authorizer (AWS_LAMBDA auth mode): resolves integration tokens. */
export const AUTHORIZER: LambdaName = 'authorizer';
