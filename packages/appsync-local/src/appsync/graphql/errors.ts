/**
 * The error shapes AppSync answers with, and every translation of graphql-js's errors into AppSync's
 * (graphql-java's) wording, in one place (docs/appsync-wire.md).
 *
 * - Field errors (resolver errors, util.error, Unauthorized, limits): every key present, null when unset
 *   (types.ts `AppSyncErrorEntry`).
 * - Request errors found before execution (syntax, validation, variables): `{path: null, locations,
 *   message}` and no errorType, exactly as AppSync sends them (graphql/graphql-over-http#81,
 *   aws-mobile-appsync-sdk-js#554): the kind of problem is in the message ("Validation error of type X").
 * - Transport errors (empty or unparsable body, wrong method or content type): an HTTP 4xx with
 *   `{errors: [{errorType, message}]}`, as AppSync answers `MalformedHttpRequestException`.
 */
import { GraphQLError, getNamedType, visit, type ASTNode, type DocumentNode, type GraphQLSchema, type SourceLocation } from 'graphql';
import type { AppSyncErrorEntry } from '../types.ts';
import { Refusal } from '../refusal.ts';
import { AwsScalarError } from './scalars.ts';
import { FieldFailure } from './field-failure.ts';

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

export { FieldFailure };

export const unauthorizedField = (fieldName: string, typeName: string): FieldFailure =>
  new FieldFailure(`Not Authorized to access ${fieldName} on type ${typeName}`, 'Unauthorized');

/**
 * A transport refusal (never reaches GraphQL execution): AppSync's `MalformedHttpRequestException`,
 * without the `x-amzn-ErrorType` header auth refusals carry.
 */
export const malformedRequest = (statusCode: number, message: string, headers: Record<string, string> = {}): Refusal =>
  new Refusal(message, 'MalformedHttpRequestException', statusCode, headers);

export const malformed = (message: string): Refusal => malformedRequest(400, message);

/** The path graphql-js reports, as AppSync prints it inside messages: `/a/b[0]/c`. */
export function javaPath(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `/${p}`)).join('');
}


// ---- graphql-js → AppSync --------------------------------------------------------------------------

const INVALID_SYNTAX = 'Invalid Syntax';

/** graphql-js's syntax error → graphql-java's wording: `Invalid Syntax : offending token 'x' at line 1 column 3`. */
export function syntaxError(error: GraphQLError): RequestErrorEntry {
  const loc = error.locations?.[0];
  // graphql-js: `Syntax Error: Expected Name, found "}".` / `Syntax Error: Unexpected "}".`
  const token = /(?:found|Unexpected) (.+?)\.?$/.exec(error.message)?.[1]?.replace(/^"|"$/g, '') ?? '';
  const where = loc ? ` at line ${loc.line} column ${loc.column}` : '';
  return requestError(`${INVALID_SYNTAX} : offending token '${token}'${where}`, error.locations);
}

/** Variable coercion errors (graphql-js wording) → graphql-java's. */
export function variableError(error: GraphQLError): RequestErrorEntry {
  const name = /Variable "\$([^"]+)"/.exec(error.message)?.[1] ?? '';
  // graphql-js nests the scalar's own error one or two levels down.
  let original: Error | undefined = error.originalError;
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  const required = /of (?:required|non-null) type "([^"]+)" (?:was not provided|must not be null)/.exec(error.message);
  if (required) return requestError(`Variable '${name}' has coerced Null value for NonNull type '${required[1]}'`, error.locations);
  // graphql-java's InputMapDefinesTooManyFieldsException: its own sentence (trailing space included)
  // and no locations.
  const extra = /; Field "([^"]+)" is not defined by type "([^"]+)"\./.exec(error.message);
  if (extra) return requestError(`The variables input contains a field name '${extra[1]}' that is not defined for input object type '${extra[2]}' `, undefined);
  if (original instanceof AwsScalarError) return requestError(`Variable '${name}' has an invalid value. ${original.message}`, error.locations);
  const detail = withoutSuggestion(error.message.replace(/^Variable "\$[^"]+" got invalid value [^;]*; /, ''));
  return requestError(`Variable '${name}' has an invalid value. ${detail.replace(/"/g, "'")}`, error.locations);
}

/** graphql-java never suggests names; graphql-js appends `Did you mean ...?`. */
const withoutSuggestion = (message: string): string => message.replace(/ Did you mean [^?]*\?$/, '');

export const VALIDATION_PREFIX = 'Validation error of type';

/**
 * graphql-java's sentence for a graphql-js validation error of the given ValidationErrorType, where
 * AppSync's recorded wording is known (docs/appsync-wire.md lists the sources); otherwise graphql-js's
 * explanation without suggestions (⚠ a choice: no recording).
 */
function validationSentence(type: string, message: string): string {
  const q = (re: RegExp) => re.exec(message);
  let m: RegExpExecArray | null;
  switch (type) {
    case 'MissingFieldArgument':
      if ((m = q(/^Field "[^"]+" argument "([^"]+)"/))) return `Missing field argument ${m[1]}`;
      if ((m = q(/^Directive "@[^"]+" argument "([^"]+)"/))) return `Missing directive argument ${m[1]}`;
      break;
    case 'UnknownArgument':
      if ((m = q(/^Unknown argument "([^"]+)" on field/))) return `Unknown field argument ${m[1]}`;
      if ((m = q(/^Unknown argument "([^"]+)" on directive/))) return `Unknown directive argument ${m[1]}`;
      break;
    case 'VariableTypeMismatch':
      if ((m = q(/^Variable "\$[^"]+" of type "([^"]+)" used in position expecting type "([^"]+)"/))) {
        return `Variable type '${m[1]}' doesn't match expected type '${m[2]}'`;
      }
      break;
    case 'UnknownType':
      if ((m = q(/^Unknown type "([^"]+)"/))) return `Unknown type ${m[1]}`;
      break;
  }
  return withoutSuggestion(message).replace(/"/g, "'");
}

/** Which node graphql-java reports an error at (graphql-js reports some rules with several). */
export type NodePick = 'first' | 'last' | 'all';

/**
 * Where validation errors sit in a document, to word and order them as graphql-java does: each
 * error is located at one node, carries the query path of the innermost field around it (`@ 'a/b'`),
 * and errors are listed in the order graphql-java's single traversal reports them.
 */
export function validationErrorTranslator(document: DocumentNode) {
  const fields: { start: number; end: number; path: string }[] = [];
  const operations: { start: number; end: number }[] = [];
  const stack: string[] = [];
  visit(document, {
    Field: {
      enter(node) {
        stack.push(node.name.value);
        if (node.loc) fields.push({ start: node.loc.start, end: node.loc.end, path: stack.join('/') });
      },
      leave() {
        stack.pop();
      },
    },
    OperationDefinition(node) {
      if (node.loc) operations.push({ start: node.loc.start, end: node.loc.end });
    },
  });
  const pathAt = (offset: number): string => {
    let best: { start: number; path: string } | null = null;
    for (const f of fields) if (f.start <= offset && offset < f.end && (!best || f.start >= best.start)) best = f;
    return best?.path ?? '';
  };
  const docEnd = document.loc?.end ?? Number.MAX_SAFE_INTEGER;

  return {
    /** The entry and its sort key for one graphql-js error of a rule graphql-java names `type`. */
    translate(type: string, error: GraphQLError, pick: NodePick): { entry: RequestErrorEntry; order: number } {
      const nodes = (error.nodes ?? []).filter((n: ASTNode) => n.loc);
      const chosen = pick === 'all' ? nodes : nodes.length === 0 ? [] : [pick === 'first' ? nodes[0]! : nodes[nodes.length - 1]!];
      const at = chosen[0]?.loc;
      const own = error.message.startsWith(VALIDATION_PREFIX);
      let message = error.message;
      if (!own) {
        const path = at ? pathAt(at.start) : '';
        message = `${VALIDATION_PREFIX} ${type}: ${validationSentence(type, error.message)}${path ? ` @ '${path}'` : ''}`;
      }
      // Reported when graphql-java leaves the operation / the document, after what it contains.
      let order = at?.start ?? docEnd;
      if (type === 'UnusedVariable' && at) order = operations.find((o) => o.start <= at.start && at.start < o.end)?.end ?? docEnd;
      if (type === 'UnusedFragment') order = docEnd;
      const locations = chosen.map((n) => n.loc!.startToken).map((t) => ({ line: t.line, column: t.column }));
      return { entry: requestError(message, locations), order };
    },
  };
}

/**
 * An error entry as a real-time `error` frame carries it: `{errorType, message}`, or `{message}` for
 * request errors (no path, locations, data or errorInfo). Recorded: amplify-studio#169
 * (`{"errors":[{"errorType":"Unauthorized","message":"Not Authorized to access onUpdate… on type
 * Subscription"}]}`) and Amplify's "Connection failed: {"errors":[{"message":"Validation error of type
 * FieldUndefined: …"}]}".
 */
export function realtimeError(entry: { errorType?: unknown; message: string }): { errorType?: string; message: string } {
  return typeof entry.errorType === 'string' ? { errorType: entry.errorType, message: entry.message } : { message: entry.message };
}

/** An error entry as AppSync puts it in a real-time `error` frame. */
export interface StartError {
  errorType?: string | null;
  message: string;
  [key: string]: unknown;
}

/**
 * What a failed subscription `start` sends: the executor's errors (an `errors` array), a deliberate
 * refusal (an `errorType` and a `message`), or, for anything else (a TypeError, a crash), an internal
 * failure whose message is logged, never sent.
 */
export function startErrors(e: unknown): StartError[] {
  if (e && typeof e === 'object') {
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) return (errors as StartError[]).map(realtimeError);
    const { errorType, message } = e as { errorType?: unknown; message?: unknown };
    if (typeof message === 'string' && typeof errorType === 'string') return [{ errorType, message }];
  }
  console.error('[realtime] subscription start failed:', e);
  return [{ errorType: 'InternalFailure', message: 'An internal failure occurred while starting the subscription.' }];
}

/** What a caller sees of an internal failure (the details go to the log). */
export const INTERNAL_FAILURE_MESSAGE = 'An internal failure occurred while processing the request.';

/**
 * A graphql-js execution error as AppSync words it: resolver failures (FieldFailure) as raised, AWS
 * scalar serialization and non-null violations in graphql-java's sentences, and any other failure of
 * the runtime itself (a TypeError, a crash in a data source) logged and answered without internals.
 */
export function formatError(error: GraphQLError, schema: GraphQLSchema): ResponseError {
  const original = error.originalError;
  const path = error.path ? [...error.path] : null;
  const locations = toLocations(error.locations);
  if (original instanceof FieldFailure) {
    return fieldError({ path, locations, message: original.message, errorType: original.errorType, data: original.data, errorInfo: original.errorInfo });
  }
  if (original instanceof AwsScalarError && path) {
    return fieldError({ path, locations: null, message: `Can't serialize value (${javaPath(path)}) : ${original.message}` });
  }
  const nonNull = /^Cannot return null for non-nullable field ([^.]+)\.([^.]+)\.$/.exec(error.message);
  if (nonNull && path) {
    const [, parent, field] = nonNull;
    const parentType = schema.getType(parent!);
    const fieldType = parentType && 'getFields' in parentType ? parentType.getFields()[field!]?.type : undefined;
    const typeName = fieldType ? getNamedType(fieldType).name : field;
    return fieldError({
      path,
      locations,
      message: `Cannot return null for non-nullable type: '${typeName}' within parent '${parent}' (${javaPath(path)})`,
    });
  }
  if (original && !(original instanceof GraphQLError)) {
    // Not a GraphQL outcome but a failure of the runtime itself (a TypeError, a crash in a data
    // source): logged in full, answered without internals, as AppSync answers its internal errors.
    console.error(`[appsync] internal failure${path ? ` at ${path.join('.')}` : ''}:`, original);
    return path
      ? fieldError({ path, locations, message: INTERNAL_FAILURE_MESSAGE, errorType: 'InternalFailure' })
      : requestError(INTERNAL_FAILURE_MESSAGE, error.locations);
  }
  if (!path) return requestError(error.message, error.locations);
  return fieldError({ path, locations, message: error.message });
}

export type { GraphQLError };
