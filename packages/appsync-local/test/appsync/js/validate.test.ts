import { describe, expect, it } from 'vitest';
import { AppSyncJsValidationError, compileResolverCode } from '../../../src/appsync/js/index.ts';
import { bundle } from './helpers.ts';

function refusal(source: string, fileName = 'Query.task.js'): AppSyncJsValidationError {
  try {
    compileResolverCode(bundle(source), { fileName });
  } catch (err) {
    if (err instanceof AppSyncJsValidationError) return err;
    throw err;
  }
  throw new Error('expected the code to be refused');
}

const wrap = (body: string) => `export function request(ctx) {\n${body}\n}\nexport function response(ctx) { return ctx.result; }\n`;

describe('load-time validation', () => {
  it('names file, line, column and rule for try/catch', () => {
    // Raw ESM (not bundled) so the expected position is exact.
    let err!: AppSyncJsValidationError;
    try {
      compileResolverCode(wrap('  try { return {}; } catch (e) { return null; }'), { fileName: 'Query.task.js' });
    } catch (e) {
      err = e as AppSyncJsValidationError;
    }
    expect(err).toBeInstanceOf(AppSyncJsValidationError);
    expect(err.rule).toBe('no-try');
    expect(err.fileName).toBe('Query.task.js');
    expect(err.line).toBe(2);
    expect(err.column).toBe(3);
    expect(err.message).toBe('Query.task.js:2:3 no-try: try/catch is not supported by APPSYNC_JS');
  });

  it.each([
    ['no-throw', 'throw new Error("x");'],
    ['no-while', 'while (ctx.args.a) { return 1; }'],
    ['no-while', 'do { return 1; } while (ctx.args.a);'],
    ['no-for', 'for (let i = 0; i < 3; i += 1) { return i; }'],
    ['no-disallowed-unary-operators', 'let i = 0; i++; return i;'],
    ['no-disallowed-unary-operators', 'return ~ctx.args.a;'],
    ['no-in-operator', 'return "a" in ctx.args;'],
    ['no-disallowed-binary-operators', 'return ctx.args instanceof Object;'],
    ['no-classes', 'const C = class {}; return C;'],
    ['no-regex', 'return /a+/.test(ctx.args.a);'],
    ['no-regex', 'return new RegExp("a").test("a");'],
    ['no-function-constructor', 'return Function("return 1")();'],
    ['no-apply-bind-call', 'const f = (a) => a; return f.call(null, 1);'],
    ['no-promise', 'return Promise.resolve(1);'],
    ['no-disallowed-methods', 'return Object.getPrototypeOf(ctx);'],
    ['no-disallowed-methods', 'return Array.from([1]);'],
    ['no-disallowed-methods', 'return "a".padStart(3);'],
    ['no-function-passing', 'const f = (a, b) => a - b; return [2, 1].sort(f);'],
    ['no-function-passing', 'return util.error(() => 1);'],
    ['no-disallowed-re-assignment', 'ctx.result = 1; return ctx;'],
    ['no-disallowed-re-assignment', 'ctx = {}; return ctx;'],
  ])('refuses %s: %s', (rule, body) => {
    expect(refusal(wrap(body)).rule).toBe(rule);
  });

  it('refuses async functions, generators and labels', () => {
    expect(refusal('export async function request(ctx) { return {}; }').rule).toBe('no-async');
    expect(refusal('function* g() { yield 1; }\nexport function request(ctx) { return g; }').rule).toBe('no-generators');
    expect(refusal(wrap('outer: for (const a of [1]) { break outer; }\nreturn 1;')).rule).toBe('no-labels');
    expect(refusal(wrap('for (const a of [1]) { if (a) continue; }\nreturn 1;')).rule).toBe('no-continue');
  });

  it('refuses direct recursion and returning functions', () => {
    expect(refusal('function f(n) { return n ? f(n - 1) : 0; }\nexport function request(ctx) { return f(3); }').rule).toBe('no-recursion');
    expect(refusal(wrap('return () => 1;')).rule).toBe('no-function-return');
  });

  it('accepts allowed callbacks, for-of, spread, optional chaining and stash writes', () => {
    const compiled = compileResolverCode(
      bundle(wrap('ctx.stash.n = 1;\nconst out = [];\nfor (const x of [1, 2]) { out.push(x); }\nreturn [...out.map((x) => x * 2), ctx.args?.a ?? 0];')),
      { fileName: 'Query.ok.js' },
    );
    expect(compiled.exports).toEqual(['request', 'response']);
  });

  it('refuses code over 32,768 characters', () => {
    const code = `export function request(ctx) { return "${'a'.repeat(33_000)}"; }`;
    expect(() => compileResolverCode(code, { fileName: 'big.js' })).toThrow(/code-size/);
  });

  it('refuses modules the runtime does not provide', () => {
    const err = refusal('import { sql } from "@aws-appsync/utils/rds";\nexport function request(ctx) { return sql; }');
    expect(err.rule).toBe('unsupported-module');
    expect(refusal('import { nope } from "@aws-appsync/utils/dynamodb";\nexport function request(ctx) { return nope; }').message).toMatch(/no export named nope/);
  });

  it('reports the original TypeScript file and line through an inline source map', () => {
    const source = 'import type { Context } from "@aws-appsync/utils";\n\nexport function request(ctx: Context) {\n  const a: number = 1;\n  while (a) { return a; }\n  return {};\n}\n';
    const code = bundle(source, { sourcemap: true, sourcefile: 'resolvers/Query.task.ts' });
    try {
      compileResolverCode(code, { fileName: 'Query.task.js' });
      throw new Error('expected a refusal');
    } catch (err) {
      const e = err as AppSyncJsValidationError;
      expect(e.rule).toBe('no-while');
      expect(e.fileName).toMatch(/Query\.task\.ts$/);
      expect(e.line).toBe(5);
    }
  });
});
