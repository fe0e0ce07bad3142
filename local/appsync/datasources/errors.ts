/**
 * Failures a data source reports through `ctx.error` (never by throwing out of `invoke`).
 */
import type { DataSourceResult } from '../types.ts';

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
    return { result: null, error: { type: `${prefix}:${e.name}`, message: e.message } };
  }
}
