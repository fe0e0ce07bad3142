/**
 * One conformance case: code sent to EvaluateCode, the context it ran with, and what AWS AppSync
 * answered, as recorded by the public source the case names. Only recorded AWS outputs belong here;
 * behaviours without one are marked "choice" next to the code and listed in docs/conformance.md.
 */
export interface ConformanceCase {
  name: string;
  /** Where the AWS output was recorded: "owner/repo@commit path (test name)" or "page URL#section". */
  source: string;
  /** The code exactly as the source sent it to EvaluateCode. */
  code: string;
  /** ctx as the source passed it (JSON.stringify'd for EvaluateCode); `{}` when absent. */
  context?: Record<string, unknown>;
  function?: 'request' | 'response';
  /** AWS's evaluationResult (parsed), or the error message it answered with. */
  expected: { result: unknown } | { errorMessage: string };
}

/**
 * The wrapper localstack/appsync-utils __tests__/helpers.js (runOnAWS) sends to EvaluateCode for an
 * expression, with context "{}".
 */
export function expressionCode(expression: string): string {
  return `
  import { util } from '@aws-appsync/utils';

  export function request(ctx) {
    return ${expression};
  }

  export function response(ctx) {
  }
  `;
}
