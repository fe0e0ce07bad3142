/**
 * An error a resolver step raised: util.error/util.unauthorized, a code error, or a limit. Thrown
 * inside graphql-js field resolution; errors.ts `formatFieldError` turns it back into AppSync's entry.
 * A module of its own, free of graphql-js: the resolver workers (js/worker.ts) throw it too, and do
 * not load graphql-js.
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
