/**
 * One isolated node:vm context per compiled resolver module, created once and reused.
 * The context gets the allow-listed globals only, with the denied methods removed from its own
 * intrinsics (so a forbidden call fails at run time too), and code generation from strings disabled.
 * util/runtime/extensions and the dynamodb helpers are host functions reached through one bridge
 * function that exchanges JSON strings, so no host object (and no host `Function`) is reachable.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { HandlerAbort, newInvocation, type Invocation } from './invocation.ts';
import { createHostModules, type HostFunction, type HostTree } from './host-api.ts';
import { translateJavaRegex, translateReplacement } from './util/java-regex.ts';

const PRELUDE_SOURCE = readFileSync(new URL('./sandbox-prelude.js', import.meta.url), 'utf8');

/** Globals handlers may use (supported-features; docs/local-runtime.md, "The APPSYNC_JS language and sandbox"). Everything else is deleted. */
const ALLOWED_GLOBALS = [
  'Object', 'String', 'Number', 'Boolean', 'Array', 'Math', 'JSON', 'Date', 'console',
  'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI',
  'NaN', 'Infinity', 'undefined', 'util', 'runtime', 'extensions',
];

/**
 * eslint-plugin no-disallowed-methods, removed from the context's intrinsics, plus the reflective
 * Function.prototype.constructor link to Function.
 * Array/Object `toString`/`valueOf` stay: implicit conversions (template literals) rely on them.
 */
const DENIED: [string, string[]][] = [
  ['Array', ['from', 'of']],
  ['Array.prototype', ['copyWithin', 'entries', 'keys', 'values', 'group', 'groupToMap', 'toLocaleString']],
  ['Object', [
    'create', 'defineProperties', 'defineProperty', 'freeze', 'getOwnPropertyDescriptor', 'getOwnPropertyDescriptors',
    'getOwnPropertyNames', 'getOwnPropertySymbols', 'getPrototypeOf', 'is', 'isExtensible', 'isFrozen', 'isSealed',
    'preventExtensions', 'seal', 'setPrototypeOf',
  ]],
  ['Object.prototype', ['__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']],
  ['String', ['fromCharCode', 'fromCodePoint']],
  ['String.prototype', [
    'charCodeAt', 'localeCompare', 'matchAll', 'padEnd', 'padStart', 'repeat', 'search', 'toLocaleLowerCase',
    'toLocaleUpperCase',
  ]],
  ['Date.prototype', [
    'setDate', 'setFullYear', 'setHours', 'setMilliseconds', 'setMinutes', 'setMonth', 'setSeconds', 'setTime',
    'setUTCDate', 'setUTCFullYear', 'setUTCHours', 'setUTCMilliseconds', 'setUTCMinutes', 'setUTCMonth',
    'setUTCSeconds', 'setYear', 'toGMTString', 'toLocaleDateString', 'toLocaleString', 'toLocaleTimeString',
  ]],
  // apply/bind/call are refused at load (no-apply-bind-call) but stay on Function.prototype: V8 hands
  // the sandbox's CallSites to the host's Error.prepareStackTrace (source-map support), which calls them.
  ['Function.prototype', ['constructor']],
];

type SandboxRun = (
  factory: unknown, handlerName: string, ctxJson: string, selectionSetList: string | undefined,
  selectionSetGraphQL: string | undefined, deadline: number,
) => (string | undefined)[];

export interface Sandbox {
  context: vm.Context;
  run: SandboxRun;
  /** Sets the invocation the host functions record into, for the duration of one call. */
  begin(init: Parameters<typeof newInvocation>[0]): Invocation;
  end(): void;
  /** Export names each module provides (for load-time checks of imports). */
  moduleExports: Map<string, Set<string>>;
}

function flatten(tree: HostTree, ops: HostFunction[]): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'function') {
      ops.push(value as HostFunction);
      out[key] = { $op: ops.length - 1 };
    } else if (value && typeof value === 'object') {
      out[key] = flatten(value as HostTree, ops);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** A log line as AppSync writes it: `INFO - code.js:5:3: "message" {"a":1}`. */
export type LocateFrame = (stack: string | undefined) => string | undefined;

export function createSandbox(locateFrame: LocateFrame): Sandbox {
  let invocation: Invocation | undefined;
  const current = (): Invocation => {
    if (!invocation) throw new Error('APPSYNC_JS host function called outside a handler');
    return invocation;
  };
  const ops: HostFunction[] = [];
  const hostModules = createHostModules(current);
  const modulesSpec = flatten(hostModules, ops);

  const consoleOp = ops.push((level, stack, args) => {
    const where = locateFrame(typeof stack === 'string' ? stack : undefined);
    const text = (Array.isArray(args) ? args : []).map((a) => (a === undefined ? 'undefined' : JSON.stringify(a))).join(' ');
    current().logs.push(`${String(level)} - ${where ? where + ': ' : ''}${text}`);
  }) - 1;
  const regexOp = ops.push((pattern) => translateJavaRegex(String(pattern))) - 1;
  const replacementOp = ops.push((replacement) => translateReplacement(String(replacement))) - 1;

  // The bridge: strings in, tagged strings out; it never throws into the sandbox.
  const hostCall = (op: number, argsJson: string): string => {
    try {
      const fn = ops[op];
      const args = argsJson === undefined ? [] : (JSON.parse(argsJson) as unknown[]);
      const result = fn(...args);
      return result === undefined ? 'u' : 'v' + JSON.stringify(result);
    } catch (err) {
      if (err instanceof HandlerAbort) return 'a';
      const e = err as Error;
      return 'e' + JSON.stringify({ name: e?.name ?? 'Error', message: e?.message ?? String(err) });
    }
  };

  const context = vm.createContext(Object.create(null), {
    name: 'APPSYNC_JS',
    codeGeneration: { strings: false, wasm: false },
  });
  const prelude = new vm.Script(PRELUDE_SOURCE, { filename: 'appsync-runtime-prelude.js' }).runInContext(context) as (
    hostCall: unknown, spec: unknown,
  ) => { run: SandboxRun };
  const api = prelude(hostCall, {
    modules: modulesSpec,
    console: consoleOp,
    regex: regexOp,
    replacement: replacementOp,
    deny: DENIED,
    globals: ALLOWED_GLOBALS,
  });

  const moduleExports = new Map(Object.entries(hostModules).map(([name, tree]) => [name, new Set(Object.keys(tree))]));
  return {
    context,
    run: api.run,
    moduleExports,
    begin(init) {
      invocation = newInvocation(init);
      return invocation;
    },
    end() {
      invocation = undefined;
    },
  };
}
