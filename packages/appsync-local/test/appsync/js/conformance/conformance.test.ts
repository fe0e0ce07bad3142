// The conformance suite: code whose AWS AppSync EvaluateCode output a public source recorded, run
// through the local runtime's evaluateCode (the function the EvaluateCode endpoint's workers call)
// and compared exactly. Each case names its source; docs/conformance.md lists them and the choices
// that have no recorded output.
import { describe, expect, it } from 'vitest';
import { evaluateCode } from '../../../../src/appsync/js/index.ts';
import type { ConformanceCase } from './case.ts';
import { cases as dynamodbUpdate } from './cases/dynamodb-update.ts';
import { cases as dynamodbUtil } from './cases/dynamodb-util.ts';
import { cases as errors } from './cases/errors.ts';
import { cases as subscriptionFilter } from './cases/subscription-filter.ts';

const suites: Record<string, ConformanceCase[]> = {
  'util.dynamodb and numbers': dynamodbUtil,
  'ddb.update expressions': dynamodbUpdate,
  'util.transform.toSubscriptionFilter': subscriptionFilter,
  errors,
};

for (const [suite, cases] of Object.entries(suites)) {
  describe(`conformance: ${suite}`, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      expect(c.source).toMatch(/\S/);
      const out = evaluateCode({
        code: c.code,
        context: JSON.stringify(c.context ?? {}),
        function: c.function ?? 'request',
        runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' },
      });
      if ('result' in c.expected) {
        expect(out.error).toBeUndefined();
        expect(out.evaluationResult).toBeDefined();
        expect(JSON.parse(out.evaluationResult!)).toStrictEqual(c.expected.result);
      } else {
        expect(out.evaluationResult).toBeUndefined();
        expect(out.error?.message).toBe(c.expected.errorMessage);
      }
    });
  });
}
