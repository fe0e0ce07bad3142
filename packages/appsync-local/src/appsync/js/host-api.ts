/**
 * The host side of `@aws-appsync/utils` and `@aws-appsync/utils/dynamodb`: plain functions over plain
 * data. The sandbox reaches them only through the JSON bridge (sandbox.ts), so they never see or
 * return sandbox objects. Functions that depend on the call (errors, logs, extensions) read the
 * current Invocation.
 */
import type { AuthMode, Identity, RaisedError, SubscriptionFilter } from '../types.ts';
import { createDynamoDbHelpers, createDynamoDbUtils, createTransformUtils } from './dynamodb/index.ts';
import { AppSyncJsRuntimeError } from './errors.ts';
import { HandlerAbort, type Invocation } from './invocation.ts';
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './util/encoding.ts';
import { addResponseHeader, copyHeaders } from './util/http.ts';
import { autoId, autoKsuid, autoUlid } from './util/ids.ts';
import { matches } from './util/java-regex.ts';
import { createMathUtils } from './util/math.ts';
import { toSubscriptionFilter } from './util/subscription-filter.ts';
import { createTimeUtils } from './util/time.ts';

export type HostFunction = (...args: unknown[]) => unknown;
export interface HostTree {
  [name: string]: HostTree | HostFunction | string | number | boolean | null;
}

const AUTH_TYPES: Record<AuthMode, string> = {
  AWS_IAM: 'IAM Authorization',
  AMAZON_COGNITO_USER_POOLS: 'User Pool Authorization',
  OPENID_CONNECT: 'Open ID Connect Authorization',
  API_KEY: 'API Key Authorization',
  // ⚠ AWS documents no value for Lambda authorization; this follows the pattern of the others.
  AWS_LAMBDA: 'Lambda Authorization',
};

/** Without an explicit auth mode, the identity's shape tells it (resolver-context-reference-js). */
export function inferAuthMode(identity: Identity): AuthMode {
  if (!identity) return 'API_KEY';
  if ('resolverContext' in identity) return 'AWS_LAMBDA';
  if ('userArn' in identity || 'accountId' in identity) return 'AWS_IAM';
  if ('defaultAuthStrategy' in identity) return 'AMAZON_COGNITO_USER_POOLS';
  return 'OPENID_CONNECT';
}

function raisedError(message: string, type: unknown, data: unknown, errorInfo: unknown): RaisedError {
  return { message, type: typeof type === 'string' ? type : null, data: data ?? null, errorInfo: errorInfo ?? null };
}

/** util.error's arguments must be strings (message, type); otherwise AppSync ignores the call [S17b]. */
function validErrorArgs(message: unknown, type: unknown): message is string {
  return typeof message === 'string' && (type === undefined || type === null || typeof type === 'string');
}

function notSupportedLocally(name: string): HostFunction {
  return () => {
    throw new AppSyncJsRuntimeError(`${name} is not supported locally by the Taskwire AppSync runtime`);
  };
}

function asFilter(value: unknown, where: string): SubscriptionFilter {
  const v = value as SubscriptionFilter;
  if (!v || typeof v !== 'object' || !Array.isArray(v.filterGroup)) {
    throw new AppSyncJsRuntimeError(`${where} expects a filter built with util.transform.toSubscriptionFilter`);
  }
  return v;
}

export function createHostModules(current: () => Invocation): Record<string, HostTree> {
  const time = createTimeUtils();
  const transform = createTransformUtils();
  const util: HostTree = {
    escapeJavaScript: (v) => escapeJavaScript(String(v)),
    urlEncode: (v) => urlEncode(String(v)),
    urlDecode: (v) => urlDecode(String(v)),
    base64Encode: (v) => base64Encode(String(v)),
    base64Decode: (v) => base64Decode(String(v)),
    autoId: () => autoId(),
    autoUlid: () => autoUlid(),
    autoKsuid: () => autoKsuid(),
    unauthorized: () => {
      const inv = current();
      // Inside a field AppSync names it; evaluated outside one (EvaluateCode with no info), the message
      // is plain "Unauthorized" as issue 9 reports. choice: the exact EvaluateCode wording, no recorded
      // AWS output found (docs/conformance.md).
      const message = inv.fieldName && inv.parentTypeName ? `Not Authorized to access ${inv.fieldName} on type ${inv.parentTypeName}` : 'Unauthorized';
      inv.raised = raisedError(message, 'Unauthorized', null, null);
      throw new HandlerAbort();
    },
    error: (message, type, data, errorInfo) => {
      if (!validErrorArgs(message, type)) return undefined;
      current().raised = raisedError(message, type, data, errorInfo);
      throw new HandlerAbort();
    },
    appendError: (message, type, data, errorInfo) => {
      if (!validErrorArgs(message, type)) return undefined;
      current().appendedErrors.push(raisedError(message, type, data, errorInfo));
      return undefined;
    },
    matches: (pattern, value) => matches(String(pattern), String(value)),
    authType: () => {
      const inv = current();
      return AUTH_TYPES[inv.authMode ?? inferAuthMode(inv.identity)];
    },
    time: time as unknown as HostTree,
    dynamodb: createDynamoDbUtils() as unknown as HostTree,
    str: {
      normalize: (value, form) => {
        const f = String(form ?? 'nfc').toUpperCase();
        if (!['NFC', 'NFD', 'NFKC', 'NFKD'].includes(f)) throw new AppSyncJsRuntimeError(`Unknown normalization type ${String(form)}`);
        return String(value).normalize(f);
      },
    },
    math: createMathUtils() as unknown as HostTree,
    transform: {
      toDynamoDBFilterExpression: (f) => transform.toDynamoDBFilterExpression(f),
      toDynamoDBConditionExpression: (c) => transform.toDynamoDBConditionExpression(c),
      toSubscriptionFilter: (obj, ignored, rules) => toSubscriptionFilter(obj, ignored, rules),
      toElasticsearchQueryDSL: notSupportedLocally('util.transform.toElasticsearchQueryDSL (OpenSearch)'),
    },
    http: {
      copyHeaders: (headers) => copyHeaders(headers),
      addResponseHeader: (name, value) => addResponseHeader(current().responseHeaders, name, value),
      addResponseHeaders: (headers) => {
        if (!headers || typeof headers !== 'object') throw new AppSyncJsRuntimeError('util.http.addResponseHeaders expects an object');
        for (const [name, value] of Object.entries(headers)) addResponseHeader(current().responseHeaders, name, value);
      },
    },
    xml: { toMap: notSupportedLocally('util.xml.toMap'), toJsonString: notSupportedLocally('util.xml.toJsonString') },
    rds: { toJsonObject: notSupportedLocally('util.rds.toJsonObject') },
  };

  const runtime: HostTree = {
    earlyReturn: (value, options) => {
      // Without options AppSync continues with the next pipeline function when called in a function's
      // request (runtime-utils-js); in a resolver's request any earlyReturn skips straight to the
      // resolver's response, whatever skipTo says (graphql/resolve.ts). So the default is NEXT.
      const skipTo = (options as { skipTo?: unknown } | null | undefined)?.skipTo ?? 'NEXT';
      if (skipTo !== 'END' && skipTo !== 'NEXT') throw new AppSyncJsRuntimeError(`runtime.earlyReturn: skipTo must be END or NEXT, got ${JSON.stringify(skipTo)}`);
      current().earlyReturn = { value: value ?? null, skipTo };
      throw new HandlerAbort();
    },
  };

  const extensions: HostTree = {
    setSubscriptionFilter: (filter) => {
      current().subscriptionFilter = asFilter(filter, 'extensions.setSubscriptionFilter');
    },
    setSubscriptionInvalidationFilter: (filter) => {
      current().invalidationFilter = asFilter(filter, 'extensions.setSubscriptionInvalidationFilter');
    },
    invalidateSubscriptions: (obj) => {
      const o = obj as { subscriptionField?: unknown; payload?: unknown } | null;
      if (!o || typeof o.subscriptionField !== 'string' || !o.payload || typeof o.payload !== 'object') {
        throw new AppSyncJsRuntimeError('extensions.invalidateSubscriptions expects { subscriptionField: string, payload: object }');
      }
      current().invalidations.push({ subscriptionField: o.subscriptionField, payload: o.payload as Record<string, unknown> });
    },
    evictFromApiCache: (typeName, fieldName, keys) => {
      if (typeof typeName !== 'string' || typeof fieldName !== 'string' || !keys || typeof keys !== 'object') {
        throw new AppSyncJsRuntimeError('extensions.evictFromApiCache expects (typeName, fieldName, keyValuePair)');
      }
      current().cacheEvictions.push({ typeName, fieldName, keys: keys as Record<string, unknown> });
    },
  };

  return {
    '@aws-appsync/utils': { util, runtime, extensions },
    '@aws-appsync/utils/dynamodb': createDynamoDbHelpers() as unknown as HostTree,
  };
}

/** Modules that exist on AppSync but that this runtime does not provide. */
export const UNSUPPORTED_MODULES = new Set(['@aws-appsync/utils/rds', '@aws-appsync/utils/ai']);
