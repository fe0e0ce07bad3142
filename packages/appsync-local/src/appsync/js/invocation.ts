/** What one handler call records through util/runtime/extensions, read back into its HandlerOutcome. */
import type { AuthMode, Identity, RaisedError, SubscriptionFilter } from '../types.ts';

export interface Invocation {
  fileName: string;
  fieldName: string;
  parentTypeName: string;
  identity: Identity;
  authMode?: AuthMode;
  raised?: RaisedError;
  earlyReturn?: { value: unknown; skipTo: 'END' | 'NEXT' };
  appendedErrors: RaisedError[];
  logs: string[];
  subscriptionFilter?: SubscriptionFilter;
  invalidationFilter?: SubscriptionFilter;
  invalidations: { subscriptionField: string; payload: Record<string, unknown> }[];
  responseHeaders: Record<string, string>;
  cacheEvictions: { typeName: string; fieldName: string; keys: Record<string, unknown> }[];
}

export type InvocationInit = Pick<Invocation, 'fileName' | 'fieldName' | 'parentTypeName' | 'identity' | 'authMode'>;

export function newInvocation(init: InvocationInit): Invocation {
  // Spelled out rather than spread: this runs for every handler call.
  return {
    fileName: init.fileName,
    fieldName: init.fieldName,
    parentTypeName: init.parentTypeName,
    identity: init.identity,
    authMode: init.authMode,
    appendedErrors: [],
    logs: [],
    invalidations: [],
    responseHeaders: {},
    cacheEvictions: [],
  };
}

/** Thrown by host functions to end the handler (util.error, util.unauthorized, runtime.earlyReturn). */
export class HandlerAbort {
  readonly kind = 'abort';
}
