/**
 * Taskwire's Lambda functions, run in-process as AppSync (data sources, the authorizer), EventBridge,
 * Scheduler, SNS or the stream would invoke them (local/events.ts wires those): each `functions/manifest.ts` entry's module is imported on first use and its
 * `handler(event, context)` called. Importing lazily keeps start-up fast and lets one missing or broken
 * function fail only the calls that need it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lambdas, RESOURCE_VARIABLES, variablesOf, type LambdaDef } from '../functions/manifest.ts';
import { ROOT } from '../scripts/lib/bundle-resolvers.ts';
import type { EventServices } from './events.ts';

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
  /** The resource variables function `name` sees (exactly those its manifest entry's `uses` names). */
  environmentOf(name: string): Record<string, string>;
  /** Runs `fn` with function `name`'s environment, as its handler's own code would (tests of a handler's parts). */
  runAs<T>(name: string, fn: () => T): T;
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
      return runScoped(environmentFor(def), () => handler(event, context));
    };
  }

  const runner: LambdaRunner = {
    names: () => Object.keys(defs),
    runAs(name, fn) {
      return runScoped(runner.environmentOf(name), fn);
    },
    environmentOf(name) {
      const def = defs[name];
      if (!def) throw new Error(`No Lambda function named ${name} in functions/manifest.ts`);
      return environmentFor(def);
    },
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
 * sets each function's variables from its manifest entry's `uses` (cdk/constructs/taskwire-function.ts).
 *
 * Functions run in this process. What the Lambda runtime gives every function (region, credentials) and
 * the SDK's local endpoints (`AWS_ENDPOINT_URL_<SERVICE>`) are set on the process; the resource variables
 * (functions/manifest.ts RESOURCES: TABLE_NAME, ATTACHMENTS_BUCKET, APPSYNC_URL, …) are not: each handler
 * sees, while it runs, exactly the ones its `uses` names — as on AWS, a handler reading a variable its
 * entry does not declare finds it unset.
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
  /** Further resource variables by name (RESOURCES' `env` names: EVENT_BUS_NAME, TOPIC_ARN, …). */
  resources?: Record<string, string | undefined>;
  /** The local event services' endpoints and the names functions read (functions/manifest.ts RESOURCES). */
  events?: EventServices['env'] & { webUrl?: string };
}

/** The resource variables' values the launcher has (set by applyLambdaEnvironment). */
const resourceValues = new Map<string, string>();
/** While a handler runs: the resource variables it may see. */
const functionScope = new AsyncLocalStorage<Record<string, string>>();
const SCOPED = new Set(RESOURCE_VARIABLES);
/** Functions running now (started, and their promise not settled yet). */
let running = 0;

/**
 * Runs `fn` in a function's scope. The scope is on only while some function runs: on Node 20 an
 * enabled AsyncLocalStorage puts hooks on every promise and async resource in the process, the
 * local AppSync's requests included, and that cost about 5 % of their CPU (docs/local-runtime.md,
 * "Performance"). So when the last running function settles, the scope is disabled until the next one
 * starts. Work a function leaves running after it settles (not awaited) then sees the process's
 * variables; on Lambda such work is frozen with its environment until that environment's next
 * invocation, so no handler should rely on it.
 */
function runScoped<T>(vars: Record<string, string>, fn: () => T): T {
  running++;
  let result: T;
  try {
    result = functionScope.run(vars, fn);
  } catch (err) {
    settled();
    throw err;
  }
  if (result instanceof Promise) return result.finally(settled) as T;
  settled();
  return result;
}

function settled(): void {
  if (--running === 0) functionScope.disable();
}

function environmentFor(def: LambdaDef): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const name of variablesOf(def)) {
    // A value the launcher has, else one the process was given (tests that set process.env themselves).
    const value = resourceValues.get(name) ?? realEnv[name];
    if (value !== undefined) vars[name] = value;
  }
  return vars;
}

const realEnv: NodeJS.ProcessEnv = process.env;
/**
 * process.env as handlers see it: inside a handler's scope a resource variable reads from that
 * function's own variables; everything else (and everything outside a handler) is the process's.
 */
function installScopedEnv(): void {
  if ((process.env as { [SCOPED_MARK]?: true })[SCOPED_MARK]) return;
  const scoped = (key: string | symbol): Record<string, string> | undefined =>
    typeof key === 'string' && SCOPED.has(key) ? functionScope.getStore() : undefined;
  process.env = new Proxy(realEnv, {
    get(target, key) {
      if (key === SCOPED_MARK) return true;
      const own = scoped(key);
      return own ? own[key as string] : Reflect.get(target, key);
    },
    has(target, key) {
      const own = scoped(key);
      return own ? Object.hasOwn(own, key) : Reflect.has(target, key);
    },
    ownKeys(target) {
      const own = functionScope.getStore();
      if (!own) return Reflect.ownKeys(target);
      return [...Reflect.ownKeys(target).filter((k) => typeof k !== 'string' || !SCOPED.has(k)), ...Object.keys(own)];
    },
    getOwnPropertyDescriptor(target, key) {
      const own = scoped(key);
      if (!own) return Reflect.getOwnPropertyDescriptor(target, key);
      return Object.hasOwn(own, key) ? { value: own[key as string], writable: true, enumerable: true, configurable: true } : undefined;
    },
  });
}
const SCOPED_MARK = Symbol.for('taskwire.scopedEnv');

export function applyLambdaEnvironment(env: LambdaEnvironment): void {
  installScopedEnv();
  const processWide: Record<string, string | undefined> = {
    AWS_REGION: env.region,
    AWS_ACCESS_KEY_ID: env.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: env.credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: env.dynamoDbEndpoint,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: env.cognitoEndpoint,
    AWS_ENDPOINT_URL_S3: env.s3Endpoint,
    AWS_ENDPOINT_URL_EVENTBRIDGE: env.events?.eventBridgeEndpoint,
    AWS_ENDPOINT_URL_SCHEDULER: env.events?.schedulerEndpoint,
    AWS_ENDPOINT_URL_SNS: env.events?.snsEndpoint,
    AWS_ENDPOINT_URL_SESV2: env.events?.sesEndpoint,
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: env.events?.dynamoDbStreamsEndpoint,
  };
  for (const [name, value] of Object.entries(processWide)) if (value !== undefined) realEnv[name] = value;
  const resources: Record<string, string | undefined> = {
    TABLE_NAME: env.tableName,
    USER_POOL_ID: env.userPoolId,
    APPSYNC_URL: env.appSyncUrl,
    ATTACHMENTS_BUCKET: env.attachmentsBucket,
    EVENT_BUS_NAME: env.events?.eventBusName,
    SCHEDULE_GROUP_NAME: env.events?.scheduleGroupName,
    SCHEDULER_ROLE_ARN: env.events?.schedulerRoleArn,
    REMINDER_FUNCTION_ARN: env.events?.reminderFunctionArn,
    TOPIC_ARN: env.events?.topicArn,
    SENDER_EMAIL: env.events?.senderEmail,
    WEB_URL: env.events?.webUrl,
    ...env.resources,
  };
  for (const [name, value] of Object.entries(resources)) {
    if (!SCOPED.has(name)) throw new Error(`${name} is not a resource variable of functions/manifest.ts RESOURCES`);
    if (value !== undefined) resourceValues.set(name, value);
  }
}
