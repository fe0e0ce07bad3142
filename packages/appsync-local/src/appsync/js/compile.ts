/**
 * compileResolverCode: validate an APPSYNC_JS bundle, rewrite it into a sandbox factory and compile it
 * once in its own node:vm context. The result is reused for every call of the resolver.
 */
import vm from 'node:vm';
import { fullAncestor } from 'acorn-walk';
import type { Node } from 'acorn';
import { AppSyncJsValidationError } from './errors.ts';
import { UNSUPPORTED_MODULES } from './host-api.ts';
import { firstFrame, lineStarts, offsetToLineColumn } from './positions.ts';
import { createSandbox, type Sandbox } from './sandbox.ts';
import type { AnyNode } from './scope.ts';
import { readInlineSourceMap, type SourceMapLookup } from './source-map.ts';
import { transformModule, UnsupportedModuleSyntax } from './transform.ts';
import { validateResolverCode } from './validate.ts';

export interface SourceLocation {
  fileName: string;
  line: number;
  column: number;
}

export interface CompiledCode {
  readonly fileName: string;
  readonly code: string;
  /** Exported handler names (request/response, plus anything else the bundle exports). */
  readonly exports: readonly string[];
  /** @internal the sandbox the code runs in. */
  readonly sandbox: Sandbox;
  /** @internal the compiled factory (a sandbox function). */
  readonly factory: unknown;
  /** @internal maps a V8 stack of this code to the developer's location (after source maps). */
  readonly locateStack: (stack: string | undefined) => SourceLocation | undefined;
}

export function compileResolverCode(code: string, opts: { fileName: string }): CompiledCode {
  const { fileName } = opts;
  if (typeof code !== 'string') throw new TypeError('compileResolverCode: code must be a string');
  const sourceMap: SourceMapLookup | undefined = readInlineSourceMap(code);
  const toSource = (line: number, column: number): SourceLocation =>
    sourceMap?.(line, column) ?? { fileName, line, column };

  const { program } = validateResolverCode(code, fileName, toSource);
  const originalStarts = lineStarts(code);
  const failAt = (node: AnyNode, rule: string, detail: string): never => {
    const at = toSource(node.loc!.start.line, node.loc!.start.column + 1);
    throw new AppSyncJsValidationError({ ...at, rule, detail });
  };

  let transformed;
  try {
    transformed = transformModule(code, program);
  } catch (err) {
    if (err instanceof UnsupportedModuleSyntax) failAt(err.node, 'unsupported-module-syntax', err.message);
    throw err;
  }

  // console.log's V8 position is the `log` property; AppSync reports the statement's start.
  const consoleCallStarts = new Map<number, number>();
  fullAncestor(program as Node, (n) => {
    const node = n as AnyNode;
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' &&
        node.callee.object.type === 'Identifier' && node.callee.object.name === 'console') {
      consoleCallStarts.set(node.callee.property.start, node.start);
    }
  });

  let locateStack: CompiledCode['locateStack'] = () => undefined;
  const sandbox = createSandbox((stack) => {
    const at = locateStack(stack);
    return at ? `${at.fileName}:${at.line}:${at.column}` : undefined;
  });

  for (const imp of transformed.imports) {
    if (UNSUPPORTED_MODULES.has(imp.module)) {
      failAt(imp.node, 'unsupported-module', `${imp.module} is not supported locally by the Taskwire AppSync runtime`);
    }
    const provided = sandbox.moduleExports.get(imp.module);
    if (!provided) failAt(imp.node, 'unsupported-module', `cannot import ${imp.module}: APPSYNC_JS code may import only @aws-appsync/utils and @aws-appsync/utils/dynamodb`);
    for (const name of imp.names) {
      if (!provided!.has(name)) failAt(imp.node, 'unsupported-module', `${imp.module} has no export named ${name}`);
    }
  }

  const scriptStarts = lineStarts(transformed.source);
  locateStack = (stack) => {
    const frame = firstFrame(stack, fileName);
    if (!frame) return undefined;
    const scriptOffset = scriptStarts[frame.line - 1] + frame.column - 1;
    let original = transformed.toOriginal(Math.max(0, scriptOffset - transformed.bodyOffset));
    original = consoleCallStarts.get(original) ?? original;
    const { line, column } = offsetToLineColumn(originalStarts, original);
    return toSource(line, column);
  };

  const script = new vm.Script(transformed.source, { filename: fileName });
  const factory = script.runInContext(sandbox.context);
  return { fileName, code, exports: [...transformed.exports.keys()], sandbox, factory, locateStack };
}
