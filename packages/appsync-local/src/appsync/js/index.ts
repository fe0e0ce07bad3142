/**
 * The APPSYNC_JS engine: load-time validation, sandboxed execution, util/runtime/extensions,
 * and AppSync's EvaluateCode API.
 */
export { compileResolverCode, type CompiledCode, type SourceLocation } from './compile.ts';
export { runHandler, MAX_OUTPUT_BYTES, DEFAULT_TIMEOUT_MS, type RunOptions } from './run.ts';
export { evaluateCode, type EvaluateCodeInput, type EvaluateCodeResponse } from './evaluate.ts';
export { AppSyncJsValidationError } from './errors.ts';
export { validateResolverCode, MAX_CODE_CHARS } from './validate.ts';
