/**
 * The AWS_LAMBDA data source, running the handler (real code from functions/) in-process.
 *  - `{operation: 'Invoke' | 'BatchInvoke', invocationType?, payload}`: the handler's event is `payload`
 *    (for BatchInvoke the resolver layer has already gathered the payloads into an array, and the
 *    handler must answer with an array of the same length).
 *  - `invocationType: 'Event'` starts the handler without waiting; the field's result is null.
 *  - A direct Lambda resolver (no request handler) sets `direct` on the call: the event is the context.
 *  - A thrown error becomes `ctx.error = {type: 'Lambda:Unhandled', message}`, as AppSync reports an
 *    error a Lambda function raised. The result travels as JSON (undefined becomes null), as on AWS.
 */
import { randomUUID } from 'node:crypto';
import type { ContextInput, DataSource, DataSourceInvocation, DataSourceResult } from '../types.ts';
import { DataSourceFailure, invalidRequest, isRecord, missingField, settle } from './errors.ts';

/** The subset of the Lambda Node.js `context` object handlers use. */
export interface LambdaContextLike {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

export type LambdaHandler = (event: unknown, context: LambdaContextLike) => Promise<unknown>;

/** A DataSourceInvocation for a direct Lambda resolver (proposed as an optional field of the contract). */
export interface LambdaInvocation extends DataSourceInvocation {
  /** Direct Lambda resolver: no request handler ran; the event is the resolver context itself. */
  direct?: boolean;
  /** Direct BatchInvoke: the contexts of the batched fields. */
  batchCtx?: ContextInput[];
}

export interface LambdaDataSourceOptions {
  name: string;
  handler: LambdaHandler;
  /** The function's timeout (default 30 s, AppSync's own limit for a request). */
  timeoutMs?: number;
  region?: string;
  /** Where errors of `Event` invocations go (default console.error). */
  onAsyncError?: (err: unknown) => void;
}

const UNHANDLED = 'Lambda:Unhandled';

/** The event a direct Lambda resolver receives: the context, selection set included. */
export function directEvent(ctx: ContextInput): Record<string, unknown> {
  return {
    arguments: ctx.arguments,
    identity: ctx.identity,
    source: ctx.source,
    request: ctx.request,
    prev: ctx.prev ?? null,
    info: {
      fieldName: ctx.info.fieldName,
      parentTypeName: ctx.info.parentTypeName,
      variables: ctx.info.variables,
      selectionSetList: ctx.info.selectionSetList,
      selectionSetGraphQL: ctx.info.selectionSetGraphQL,
    },
    stash: ctx.stash,
  };
}

/** Deep copy through JSON, as the payload and the answer cross the wire on AWS. */
function overTheWire(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}

let containmentInstalled = false;
/**
 * A rejection a handler leaves floating would crash Node (and the whole local runtime); in Lambda it
 * fails only that invocation's sandbox. Install one process-wide listener that logs it instead.
 */
function containUnhandledRejections(): void {
  if (containmentInstalled) return;
  containmentInstalled = true;
  process.on('unhandledRejection', (reason) => {
    console.error('[lambda] unhandled promise rejection in a handler:', reason);
  });
}

export function createLambdaDataSource(opts: LambdaDataSourceOptions): DataSource {
  containUnhandledRejections();
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const region = opts.region ?? 'us-east-1';
  const onAsyncError = opts.onAsyncError ?? ((err) => console.error(`[lambda ${opts.name}] Event invocation failed:`, err));
  /** `Event` invocations still running: a stopping runtime lets them finish (drain) first. */
  const background = new Set<Promise<unknown>>();

  function lambdaContext(): LambdaContextLike {
    const deadline = Date.now() + timeoutMs;
    return {
      functionName: opts.name,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${opts.name}`,
      memoryLimitInMB: '128',
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/${opts.name}`,
      logStreamName: `local/${opts.name}`,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
  }

  /** Runs the handler with Lambda's timeout; a throw (sync or async) or a timeout rejects. */
  function execute(event: unknown): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`)),
        timeoutMs,
      );
    });
    const run = (async () => opts.handler(overTheWire(event), lambdaContext()))();
    return Promise.race([run, timeout]).finally(() => clearTimeout(timer));
  }

  async function invoke(call: LambdaInvocation): Promise<DataSourceResult> {
    let operation: unknown = 'Invoke';
    let invocationType: unknown = 'RequestResponse';
    let event: unknown;
    if (call.direct) {
      operation = call.batchCtx ? 'BatchInvoke' : 'Invoke';
      event = call.batchCtx ? call.batchCtx.map(directEvent) : directEvent(call.ctx);
    } else {
      const req = call.request;
      if (!isRecord(req)) throw invalidRequest('The request handler must return an object with an operation');
      if (req.operation === undefined || req.operation === null) throw missingField('operation');
      operation = req.operation;
      invocationType = req.invocationType ?? 'RequestResponse';
      event = req.payload ?? null;
    }
    if (operation !== 'Invoke' && operation !== 'BatchInvoke') {
      throw invalidRequest(`Unsupported operation '${String(operation)}'. Lambda supports Invoke and BatchInvoke.`);
    }
    if (invocationType !== 'RequestResponse' && invocationType !== 'Event') {
      throw invalidRequest(`'invocationType' must be RequestResponse or Event, not ${JSON.stringify(invocationType)}`);
    }
    if (operation === 'BatchInvoke' && !Array.isArray(event)) {
      throw invalidRequest('A BatchInvoke payload must be the array of the batched payloads');
    }

    if (invocationType === 'Event') {
      const running = execute(event)
        .catch(onAsyncError)
        .finally(() => background.delete(running));
      background.add(running);
      return { result: null };
    }

    let answer: unknown;
    try {
      answer = overTheWire(await execute(event));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new DataSourceFailure(UNHANDLED, message);
    }
    if (operation === 'BatchInvoke' && (!Array.isArray(answer) || answer.length !== (event as unknown[]).length)) {
      // AWS documents the rule (same order, same length) but not the error; this type names it.
      throw new DataSourceFailure(
        UNHANDLED,
        `A BatchInvoke handler must return an array of ${(event as unknown[]).length} results, in payload order`,
      );
    }
    return { result: answer };
  }

  return {
    type: 'AWS_LAMBDA',
    invoke: (call) => settle('Lambda', () => invoke(call)),
    // Invocations started while draining are waited for too.
    async drain() {
      while (background.size > 0) await Promise.allSettled([...background]);
    },
  };
}
