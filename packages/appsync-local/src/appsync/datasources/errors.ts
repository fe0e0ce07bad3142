/**
 * Failures a data source reports through `ctx.error` (never by throwing out of `invoke`).
 */
import type { DataSourceError, DataSourceResult } from '../types.ts';

/** A failure with AppSync's error type; `result` is what `ctx.result` holds alongside the error. */
export class DataSourceFailure extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly result: unknown = null,
  ) {
    super(message);
  }
}

/**
 * A request object AppSync would refuse before calling the data source. AppSync reports these with the
 * `MappingTemplate` error type (the field's error, as for a malformed VTL request document).
 */
export function invalidRequest(message: string): DataSourceFailure {
  return new DataSourceFailure('MappingTemplate', message);
}

/** AppSync's wording for a missing required field of a request object. */
export function missingField(path: string): DataSourceFailure {
  return invalidRequest(`Value for field '$[${path}]' not found.`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Runs one data-source call, turning any failure into `{result, error}`. `prefix` types unexpected
 * errors the way AppSync types the service's exceptions (`DynamoDB:` + exception name, ...).
 */
export async function settle(prefix: string, run: () => Promise<DataSourceResult>): Promise<DataSourceResult> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof DataSourceFailure) {
      return { result: err.result, error: { type: err.type, message: err.message } };
    }
    const e = err instanceof Error ? err : new Error(String(err));
    // An AWS service's own answer (the SDK marks it with $metadata) reaches ctx.error as AppSync passes
    // it on; anything else (a TypeError, a refused connection) is a failure of the runtime: logged in
    // full, and only a generic message reaches the resolver (and, if re-raised, the caller).
    if (Object.hasOwn(e, '$metadata')) return { result: null, error: { type: `${prefix}:${e.name}`, message: e.message } };
    console.error(`[${prefix}] data source failure:`, e);
    return { result: null, error: internalFailure() };
  }
}

/** What a resolver sees of a data source's internal failure (the details are in the log). */
export const INTERNAL_DATA_SOURCE_MESSAGE = 'An internal failure occurred in the data source.';

export function internalFailure(): DataSourceError {
  return { type: 'InternalFailure', message: INTERNAL_DATA_SOURCE_MESSAGE };
}
