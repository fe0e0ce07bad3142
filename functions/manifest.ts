/**
 * Taskwire's Lambda functions, by name: read by the CDK app (one NodejsFunction each) and by the local
 * runtime (which imports `entry` and calls its `handler` in-process, as AppSync or EventBridge would).
 */
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
   * Recurring invocations (an EventBridge Scheduler `rate()` schedule on AWS; a timer in the local
   * runtime), each with the event it sends. Every handler they call is idempotent.
   */
  schedules?: readonly { everyMinutes: number; event: Record<string, unknown> }[];
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
  admin: {
    entry: 'functions/admin/handler.ts',
    description: "The global Admins' API: every project with its admins and size, every user (Cognito ListUsers) with their memberships, invite, disable/enable",
    timeoutSeconds: 30,
    table: 'read',
    needs: ['cognito-admin'],
  },
  reports: {
    entry: 'functions/reports/handler.ts',
    description: 'sprintReport / projectReport: burndown, velocity, status breakdown, workload, overdue (Queries on keys and indexes only)',
    timeoutSeconds: 30,
    table: 'read',
  },
} as const satisfies Record<string, LambdaDef>;

export type LambdaName = keyof typeof lambdas;

/** The AppSync Lambda authorizer (AWS_LAMBDA auth mode): resolves integration tokens. */
export const AUTHORIZER: LambdaName = 'authorizer';
