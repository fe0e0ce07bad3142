/**
 * The error shapes AppSync answers with, in one place.
 *
 * - Field errors (resolver errors, util.error, Unauthorized, limits): every key present, null when unset
 *   (types.ts `AppSyncErrorEntry`).
 * - Request errors found before execution (syntax, validation, variables): `{path: null, locations,
 *   message}` and no errorType, exactly as AppSync sends them (graphql/graphql-over-http#81,
 *   aws-mobile-appsync-sdk-js#554): the kind of problem is in the message ("Validation error of type X").
 * - Transport errors (empty or unparsable body, wrong method or content type): an HTTP 4xx with
 *   `{errors: [{errorType, message}]}`, as AppSync answers `MalformedHttpRequestException`.
 */
import type { GraphQLError, SourceLocation } from 'graphql';
import type { AppSyncErrorEntry } from '../types.ts';

export interface Location {
  line: number;
  column: number;
  sourceName: null;
}

export interface RequestErrorEntry {
  path: null;
  locations: Location[] | null;
  message: string;
}

export type ResponseError = AppSyncErrorEntry | RequestErrorEntry;

export interface GraphQLResponseBody {
  data: unknown;
  errors?: ResponseError[];
}

export const toLocations = (locations: readonly SourceLocation[] | undefined): Location[] | null =>
  locations && locations.length > 0 ? locations.map((l) => ({ line: l.line, column: l.column, sourceName: null })) : null;

export function requestError(message: string, locations: readonly SourceLocation[] | undefined): RequestErrorEntry {
  return { path: null, locations: toLocations(locations), message };
}

export function fieldError(fields: Partial<AppSyncErrorEntry> & { message: string }): AppSyncErrorEntry {
  return {
    path: fields.path ?? null,
    data: fields.data ?? null,
    errorType: fields.errorType ?? null,
    errorInfo: fields.errorInfo ?? null,
    locations: fields.locations ?? null,
    message: fields.message,
  };
}

/**
 * An error a resolver step raised: util.error/util.unauthorized, a code error, or a limit. Thrown
 * inside graphql-js field resolution; `formatFieldError` turns it back into AppSync's entry.
 */
export class FieldFailure extends Error {
  constructor(
    message: string,
    readonly errorType: string | null,
    readonly data: unknown = null,
    readonly errorInfo: unknown = null,
  ) {
    super(message);
    this.name = 'FieldFailure';
  }
}

export const unauthorizedField = (fieldName: string, typeName: string): FieldFailure =>
  new FieldFailure(`Not Authorized to access ${fieldName} on type ${typeName}`, 'Unauthorized');

/** A request-level HTTP refusal (never reaches GraphQL execution). */
export class HttpRefusal extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorType: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpRefusal';
  }

  body(): { errors: { errorType: string; message: string }[] } {
    return { errors: [{ errorType: this.errorType, message: this.message }] };
  }
}

export const malformed = (message: string): HttpRefusal => new HttpRefusal(400, 'MalformedHttpRequestException', message);

/** The path graphql-js reports, as AppSync prints it inside messages: `/a/b[0]/c`. */
export function javaPath(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `/${p}`)).join('');
}

export type { GraphQLError };
