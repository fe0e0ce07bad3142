/**
 * Taskwire's Lambda functions, run in-process as AppSync (data sources, the authorizer), EventBridge,
 * Scheduler, SNS or the stream would invoke them (local/events.ts wires those): each `functions/manifest.ts` entry's module is imported on first use and its
 * `handler(event, context)` called. Importing lazily keeps start-up fast and lets one missing or broken
 * function fail only the calls that need it.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lambdas, type LambdaDef } from '../functions/manifest.ts';
import { ROOT } from '../scripts/lib/bundle-resolvers.ts';

export type LambdaHandler = (event: unknown, context: LambdaContext) => unknown;

/** The subset of the Lambda context object handlers commonly read. */
export interface LambdaContext {
  functionName: string;
  awsRequestId: string;
  invokedFunctionArn: string;
  getRemainingTimeInMillis(): number;
}

export interface LambdaRunner {
  /** Names of the functions in the manifest. */
  names(): string[];
  /** The function's handler (imported on first call). Throws for an unknown name or a module without `handler`. */
  handler(name: string): Promise<(event: unknown) => Promise<unknown>>;
  /**
   * A handler to give data sources and the authorizer now, importing the module on its first call;
   * undefined for a name the manifest does not have.
   */
  lazyHandler(name: string): ((event: unknown) => Promise<unknown>) | undefined;
}

export function createLambdaRunner(opts: { region: string; accountId: string; defs?: Record<string, LambdaDef> }): LambdaRunner {
  const defs: Record<string, LambdaDef> = opts.defs ?? lambdas;
  const loaded = new Map<string, Promise<(event: unknown) => Promise<unknown>>>();

  async function load(name: string): Promise<(event: unknown) => Promise<unknown>> {
    const def = defs[name];
    if (!def) throw new Error(`No Lambda function named ${name} in functions/manifest.ts`);
    const mod = (await import(pathToFileURL(join(ROOT, def.entry)).href)) as { handler?: LambdaHandler };
    const handler = mod.handler;
    if (typeof handler !== 'function') throw new Error(`${def.entry} does not export a handler function`);
    return async (event: unknown) => {
      const deadline = Date.now() + def.timeoutSeconds * 1000;
      const context: LambdaContext = {
        functionName: name,
        awsRequestId: randomUUID(),
        invokedFunctionArn: `arn:aws:lambda:${opts.region}:${opts.accountId}:function:${name}`,
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      };
      return handler(event, context);
    };
  }

  const runner: LambdaRunner = {
    names: () => Object.keys(defs),
    lazyHandler(name) {
      if (!Object.hasOwn(defs, name)) return undefined;
      return async (event: unknown) => (await runner.handler(name))(event);
    },
    handler(name) {
      let entry = loaded.get(name);
      if (!entry) {
        entry = load(name);
        // A failed import is retried next time (the file may be fixed while the runtime runs).
        entry.catch(() => loaded.delete(name));
        loaded.set(name, entry);
      }
      return entry;
    },
  };
  return runner;
}

/**
 * The environment Taskwire's Lambda functions read, pointed at the local services. On AWS the CDK app
 * sets the same variables on each function (and the SDK's endpoint variables are simply absent).
 * Functions run in this process, so the variables are set on it.
 */
export interface LambdaEnvironment {
  region: string;
  tableName: string;
  dynamoDbEndpoint: string;
  cognitoEndpoint: string;
  userPoolId: string;
  /** The credentials functions sign with (IAM-only mutations are checked against them). */
  credentials: { accessKeyId: string; secretAccessKey: string };
  appSyncUrl?: string;
  s3Endpoint?: string;
  attachmentsBucket?: string;
  /** The local event services and the names functions read (functions/manifest.ts, CONTRACTS §A). */
  events?: {
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
    webUrl?: string;
  };
}

export function applyLambdaEnvironment(env: LambdaEnvironment): void {
  const vars: Record<string, string | undefined> = {
    AWS_REGION: env.region,
    AWS_ACCESS_KEY_ID: env.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: env.credentials.secretAccessKey,
    TABLE_NAME: env.tableName,
    USER_POOL_ID: env.userPoolId,
    AWS_ENDPOINT_URL_DYNAMODB: env.dynamoDbEndpoint,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: env.cognitoEndpoint,
    APPSYNC_URL: env.appSyncUrl,
    AWS_ENDPOINT_URL_S3: env.s3Endpoint,
    ATTACHMENTS_BUCKET: env.attachmentsBucket,
    AWS_ENDPOINT_URL_EVENTBRIDGE: env.events?.eventBridgeEndpoint,
    AWS_ENDPOINT_URL_SCHEDULER: env.events?.schedulerEndpoint,
    AWS_ENDPOINT_URL_SNS: env.events?.snsEndpoint,
    AWS_ENDPOINT_URL_SESV2: env.events?.sesEndpoint,
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: env.events?.dynamoDbStreamsEndpoint,
    EVENT_BUS_NAME: env.events?.eventBusName,
    SCHEDULE_GROUP_NAME: env.events?.scheduleGroupName,
    SCHEDULER_ROLE_ARN: env.events?.schedulerRoleArn,
    REMINDER_FUNCTION_ARN: env.events?.reminderFunctionArn,
    TOPIC_ARN: env.events?.topicArn,
    SENDER_EMAIL: env.events?.senderEmail,
    WEB_URL: env.events?.webUrl,
  };
  for (const [name, value] of Object.entries(vars)) if (value !== undefined) process.env[name] = value;
}
