/** Raised at load when resolver code uses something APPSYNC_JS does not support. */
export class AppSyncJsValidationError extends Error {
  readonly fileName: string;
  readonly line: number;
  /** 1-based, as eslint and AppSync report it. */
  readonly column: number;
  readonly rule: string;
  /** The rule's message without the location prefix. */
  readonly detail: string;

  constructor(args: { fileName: string; line: number; column: number; rule: string; detail: string }) {
    super(`${args.fileName}:${args.line}:${args.column} ${args.rule}: ${args.detail}`);
    this.name = 'AppSyncJsValidationError';
    this.fileName = args.fileName;
    this.line = args.line;
    this.column = args.column;
    this.rule = args.rule;
    this.detail = args.detail;
  }
}

/**
 * A util/runtime call the code made that cannot succeed (bad arguments, an unsupported-locally
 * namespace). It surfaces as the handler's codeError, like any runtime failure.
 */
export class AppSyncJsRuntimeError extends Error {
  constructor(message: string, readonly errorType = 'RuntimeError') {
    super(message);
    this.name = errorType;
  }
}
