/**
 * Errors every resolver raises, with Taskwire's stable `errorType`s, and the standard handling of a
 * data source's answer. APPSYNC_JS-safe (no throw: `util.error` aborts the field and the pipeline).
 *
 * errorTypes (stable, clients switch on them):
 *   ValidationError  bad input; `errorInfo` = { field } when one field is at fault
 *   NotFound         unknown id, or an id the caller may not see (the same answer, on purpose)
 *   Unauthorized     a known caller without the needed role or scope
 *   ConflictError    stale `expectedVersion` (`errorInfo` = { currentVersion }), or a state conflict
 *                    (`errorInfo` = { reason, ... }, e.g. reason 'LAST_ADMIN', 'KEY_TAKEN', 'ALREADY_MEMBER';
 *                    'PROJECT_ARCHIVED': any change in an archived project, until it is restored)
 *
 * Response helpers:
 *   raiseIfError(ctx)            re-raises any data-source error as an AppSync error (never swallowed)
 *   singleWriteResult(ctx, what) for a conditional PutItem/UpdateItem/DeleteItem on a versioned item:
 *                                ConditionalCheckFailed → NotFound when the item is absent, otherwise
 *                                ConflictError with the item's current version; returns ctx.result
 *   cancellation(ctx)            for TransactWriteItems: null when it succeeded; otherwise the index of
 *                                the first item whose condition failed (+ the current item AppSync
 *                                returns with it), or raises for any other failure
 */
import { util } from '@aws-appsync/utils';

export const VALIDATION = 'ValidationError';
export const NOT_FOUND = 'NotFound';
export const UNAUTHORIZED = 'Unauthorized';
export const CONFLICT = 'ConflictError';

/** Minimal view of `ctx` these helpers need (any resolver Context satisfies it). */
export interface ResultContext {
  error?: { message: string; type: string } | null;
  result?: unknown;
}

export function validationError(message: string, field?: string): never {
  return util.error(message, VALIDATION, null, field ? { field } : null);
}

/** `what` names the kind of thing ("Project", "Task"): never whether it exists elsewhere. */
export function notFound(what: string): never {
  return util.error(`${what} not found`, NOT_FOUND);
}

export function forbidden(message: string): never {
  return util.error(message, UNAUTHORIZED);
}

/** Stale `expectedVersion`: the client should re-read and retry. */
export function conflict(currentVersion: number | null): never {
  return util.error(
    `The item was changed by someone else (current version ${currentVersion}); reload and try again`,
    CONFLICT,
    null,
    { currentVersion },
  );
}

/** A conflict with the current state other than a version (duplicate key, last admin, ...). */
export function stateConflict(message: string, reason: string, info?: Record<string, unknown>): never {
  return util.error(message, CONFLICT, null, Object.assign({ reason }, info ?? {}));
}

/** An archived project is read-only until restored (steps/authorize.ts refuses every other mutation). */
export function projectArchived(): never {
  return stateConflict('The project is archived: restore it to change anything in it', 'PROJECT_ARCHIVED');
}

const INVALID_ARGUMENT = 'DynamoDB:UserIllegalArgumentException';

/**
 * Re-raises a data source's error. A nextToken that is not this list's fails in AppSync (tampered,
 * from another resolver, made up: an exception named after a Java class) or in DynamoDB (the token
 * of the same list over another status or project: "The provided starting key ..."); either way the
 * caller gets a ValidationError on `nextToken` (docs/local-runtime.md, "Pagination tokens").
 */
export function raiseIfError(ctx: ResultContext): void {
  if (!ctx.error) return;
  const { type, message } = ctx.error;
  const refusedByAppSync = type === INVALID_ARGUMENT && message.includes('pagination token');
  const refusedByDynamoDb = type.startsWith('DynamoDB:') && message.includes('starting key');
  if (refusedByAppSync || refusedByDynamoDb) {
    validationError('nextToken is not one this list returned: pass the last page\'s nextToken, or none to start again', 'nextToken');
  }
  util.error(message, type);
}

const CONDITION_FAILED = 'DynamoDB:ConditionalCheckFailedException';
const TX_CANCELED = 'DynamoDB:TransactionCanceledException';

export function isConditionFailure(ctx: ResultContext): boolean {
  return !!ctx.error && ctx.error.type === CONDITION_FAILED;
}

/**
 * For a single conditional write on a versioned item. On condition failure AppSync puts the current
 * item in ctx.result: absent → NotFound(what); present → ConflictError(currentVersion).
 */
export function singleWriteResult<T>(ctx: ResultContext, what: string): T {
  if (isConditionFailure(ctx)) {
    const current = ctx.result as { version?: number } | null | undefined;
    if (!current) return notFound(what);
    return conflict(current.version ?? null);
  }
  raiseIfError(ctx);
  return ctx.result as T;
}

export interface Cancellation {
  /** Index (in the transaction's items) of the first item whose condition failed. */
  index: number;
  /** The item's current value as AppSync returns it with the reason (null: absent or not returned). */
  item: Record<string, unknown> | null;
}

interface Reason {
  type?: string | null;
  message?: string | null;
  item?: Record<string, unknown> | null;
}

/**
 * For TransactWriteItems: null when it succeeded; the first condition failure when the transaction was
 * cancelled by a condition; any other error is re-raised as it came.
 */
export function cancellation(ctx: ResultContext): Cancellation | null {
  if (!ctx.error) return null;
  if (ctx.error.type !== TX_CANCELED) return util.error(ctx.error.message, ctx.error.type);
  const result = (ctx.result ?? {}) as { cancellationReasons?: Reason[] | null };
  const reasons = result.cancellationReasons ?? [];
  const index = reasons.findIndex((r) => !!r && r.type === 'ConditionalCheckFailed');
  if (index < 0) return util.error(ctx.error.message, ctx.error.type);
  const reason = reasons[index];
  return { index, item: reason && reason.item ? reason.item : null };
}

/**
 * The usual transaction outcome when item `versionedIndex` is a versioned write and every other
 * condition is a uniqueness or existence guard: a failure at `versionedIndex` is a ConflictError with
 * the current version (NotFound when the item is gone); a failure elsewhere is `otherwise(index)`'s
 * decision, made by the caller (pass null to treat it as a conflict without a known version).
 */
export function versionedTxFailure(c: Cancellation, versionedIndex: number, what: string, knownVersion: number): never {
  if (c.index === versionedIndex) {
    if (c.item && typeof c.item.version === 'number') return conflict(c.item.version);
    return c.item ? conflict(knownVersion) : notFound(what);
  }
  return conflict(knownVersion);
}
