/**
 * The one refusal type: a request AppSync answers before any GraphQL runs, with an HTTP status and a
 * body of the form `{"errors":[{"errorType":"...","message":"..."}]}`. Credentials that do not pass
 * (auth/errors.ts builds those: 401 for the token modes, 403 for SigV4 failures as on AWS) and
 * transport problems (graphql/http.ts: wrong method or content type, an empty or unparsable body) are
 * both refusals. The HTTP endpoint sends `statusCode`, `body()` and `headers` as they are; the
 * real-time endpoint sends `errorType`, `message` and `statusCode` (as `errorCode`) in its frames.
 */
export interface RefusalBody {
  errors: { errorType: string; message: string }[];
}

export class Refusal extends Error {
  readonly errorType: string;
  readonly statusCode: number;
  /** Response headers; by default AWS's `x-amzn-ErrorType` naming the error type. */
  readonly headers: Record<string, string>;

  constructor(message: string, errorType = 'UnauthorizedException', statusCode = 401, headers?: Record<string, string>) {
    super(message);
    this.name = 'Refusal';
    this.errorType = errorType;
    this.statusCode = statusCode;
    this.headers = headers ?? { 'x-amzn-errortype': errorType };
  }

  body(): RefusalBody {
    return { errors: [{ errorType: this.errorType, message: this.message }] };
  }
}
