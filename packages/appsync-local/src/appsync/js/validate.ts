/**
 * Load-time validation of APPSYNC_JS code (docs/local-runtime.md, "The APPSYNC_JS language and sandbox"): every construct the runtime does not
 * support is refused with the rule that names it, as AppSync refuses the code when a resolver is
 * created. The rule names are @aws-appsync/eslint-plugin's where it has one; the gaps the plugin leaves
 * (throw, class expressions, `new RegExp`, Function constructor, apply/bind/call) get names of their own.
 * The plugin's type-aware rules are approximated with a lexical scope model instead of the TS checker.
 */
import { parse, type Node } from 'acorn';
import { fullAncestor } from 'acorn-walk';
import { AppSyncJsValidationError } from './errors.ts';
import { ScopeModel, isFunctionNode, type AnyNode } from './scope.ts';

/** AppSync's limit on a resolver's or function's `code` (docs/local-runtime.md, "The APPSYNC_JS language and sandbox"). */
export const MAX_CODE_CHARS = 32_768;

/** Identifiers the runtime's own instrumentation uses; user code may not declare or read them. */
export const RESERVED_PREFIX = '__tw$';

/** Callbacks may be passed only to these methods (eslint-plugin no-function-passing; `sort` is excluded). */
const CALLBACK_METHODS = new Set([
  'map', 'find', 'filter', 'findIndex', 'findLast', 'findLastIndex', 'forEach',
  'reduce', 'reduceRight', 'every', 'some', 'flatMap',
]);

/** eslint-plugin no-disallowed-methods: static methods, checked on the global constructor. */
const DENIED_STATIC: Record<string, Set<string>> = {
  Object: new Set([
    'create', 'defineProperties', 'defineProperty', 'freeze', 'getOwnPropertyDescriptor',
    'getOwnPropertyDescriptors', 'getOwnPropertyNames', 'getOwnPropertySymbols', 'getPrototypeOf',
    'hasOwnProperty', 'is', 'isExtensible', 'isFrozen', 'isPrototypeOf', 'isSealed', 'preventExtensions',
    'propertyIsEnumerable', 'seal', 'setPrototypeOf', 'toLocaleString', 'toString', 'valueOf',
  ]),
  Array: new Set(['from', 'of']),
  // `String.raw` as a *call* is denied by the plugin; as a tagged template it is documented as
  // supported (supported-features), so only the call form is refused.
  String: new Set(['fromCharCode', 'fromCodePoint', 'raw']),
};

/**
 * eslint-plugin no-disallowed-methods: instance methods. Without types we refuse the names that only
 * exist on the denied prototypes (Array/String/Date); ambiguous names (entries, keys, values, toString,
 * valueOf) are left to the runtime, where the sandbox removes them from the prototypes.
 */
const DENIED_INSTANCE: Record<string, string> = {
  copyWithin: 'Array', group: 'Array', groupToMap: 'Array',
  charCodeAt: 'String', localeCompare: 'String', matchAll: 'String', padEnd: 'String', padStart: 'String',
  repeat: 'String', search: 'String', toLocaleLowerCase: 'String', toLocaleUpperCase: 'String',
  setDate: 'Date', setFullYear: 'Date', setHours: 'Date', setMilliseconds: 'Date', setMinutes: 'Date',
  setMonth: 'Date', setSeconds: 'Date', setTime: 'Date', setUTCDate: 'Date', setUTCFullYear: 'Date',
  setUTCHours: 'Date', setUTCMilliseconds: 'Date', setUTCMinutes: 'Date', setUTCMonth: 'Date',
  setUTCSeconds: 'Date', setYear: 'Date', toGMTString: 'Date', toLocaleDateString: 'Date',
  toLocaleString: 'Date', toLocaleTimeString: 'Date',
};

interface Violation {
  node: AnyNode;
  rule: string;
  detail: string;
}

export interface ValidatedProgram {
  program: AnyNode;
}

/**
 * Parses `code` as an ES module and refuses unsupported constructs. Throws AppSyncJsValidationError
 * for the first violation in source order. `locate` maps a generated position back to the original
 * source (inline source maps); it defaults to the identity.
 */
export function validateResolverCode(
  code: string,
  fileName: string,
  locate: (line: number, column: number) => { fileName: string; line: number; column: number } = (line, column) => ({
    fileName,
    line,
    column,
  }),
): ValidatedProgram {
  const fail = (line: number, column: number, rule: string, detail: string): never => {
    const at = locate(line, column);
    throw new AppSyncJsValidationError({ fileName: at.fileName, line: at.line, column: at.column, rule, detail });
  };
  if (code.length > MAX_CODE_CHARS) {
    fail(1, 1, 'code-size', `code is ${code.length} characters; AppSync allows at most ${MAX_CODE_CHARS}`);
  }
  let program: AnyNode;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as AnyNode;
  } catch (err) {
    const e = err as SyntaxError & { loc?: { line: number; column: number } };
    return fail(e.loc?.line ?? 1, (e.loc?.column ?? 0) + 1, 'syntax', e.message.replace(/ \(\d+:\d+\)$/, ''));
  }
  const violations = findViolations(program);
  if (violations.length) {
    violations.sort((a, b) => a.node.start - b.node.start);
    const v = violations[0];
    const loc = v.node.loc!.start;
    fail(loc.line, loc.column + 1, v.rule, v.detail);
  }
  return { program };
}

function findViolations(program: AnyNode): Violation[] {
  const scopes = new ScopeModel(program);
  const out: Violation[] = [];
  const report = (node: AnyNode, rule: string, detail: string) => out.push({ node, rule, detail });

  const isFunctionValue = (node: AnyNode | null | undefined, ancestors: AnyNode[]): boolean => {
    if (!node) return false;
    if (isFunctionNode(node)) return true;
    if (node.type === 'Identifier') return scopes.resolve(node.name, ancestors)?.kind === 'function';
    return false;
  };
  const isGlobal = (node: AnyNode, ancestors: AnyNode[], name: string) =>
    node.type === 'Identifier' && node.name === name && !scopes.resolve(name, ancestors);

  fullAncestor(program as Node, (n, _s, anc) => {
    const node = n as AnyNode;
    const ancestors = anc as AnyNode[];
    switch (node.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        if (node.async) report(node, 'no-async', 'async functions are not supported by APPSYNC_JS');
        if (node.generator) report(node, 'no-generators', 'generators are not supported by APPSYNC_JS');
        if (node.type === 'FunctionDeclaration' && (node.id?.name === 'request' || node.id?.name === 'response')) {
          checkContextReassignment(node, scopes, report);
        }
        if (node.type === 'ArrowFunctionExpression' && node.expression && isFunctionValue(node.body, ancestors)) {
          report(node, 'no-function-return', 'functions can not be returned');
        }
        break;
      case 'AwaitExpression':
        report(node, 'no-await', 'await is not supported by APPSYNC_JS');
        break;
      case 'ForOfStatement':
        if (node.await) report(node, 'no-await', 'for await is not supported by APPSYNC_JS');
        break;
      case 'YieldExpression':
        report(node, 'no-yield', 'yield is not supported by APPSYNC_JS');
        break;
      case 'ClassDeclaration':
      case 'ClassExpression':
        report(node, 'no-classes', 'classes are not supported by APPSYNC_JS');
        break;
      case 'ForStatement':
        report(node, 'no-for', 'for(;;) loops are not supported by APPSYNC_JS (use for-of or for-in)');
        break;
      case 'WhileStatement':
        report(node, 'no-while', 'while loops are not supported by APPSYNC_JS');
        break;
      case 'DoWhileStatement':
        report(node, 'no-while', 'do-while loops are not supported by APPSYNC_JS');
        break;
      case 'ContinueStatement':
        report(node, 'no-continue', 'continue is not supported by APPSYNC_JS');
        break;
      case 'LabeledStatement':
        report(node, 'no-labels', 'labeled statements are not supported by APPSYNC_JS');
        break;
      case 'TryStatement':
        report(node, 'no-try', 'try/catch is not supported by APPSYNC_JS');
        break;
      case 'ThrowStatement':
        report(node, 'no-throw', 'throw is not supported by APPSYNC_JS (use util.error)');
        break;
      case 'ThisExpression':
        report(node, 'no-this', 'this is not supported by APPSYNC_JS');
        break;
      case 'Literal':
        if (node.regex) report(node, 'no-regex', 'regular expression literals are not supported by APPSYNC_JS');
        break;
      case 'UnaryExpression':
        if (node.operator === '~') report(node, 'no-disallowed-unary-operators', 'The operator ~ is not supported');
        break;
      case 'UpdateExpression':
        report(node, 'no-disallowed-unary-operators', `The operator ${node.operator} is not supported`);
        break;
      case 'BinaryExpression':
        if (node.operator === 'instanceof') {
          report(node, 'no-disallowed-binary-operators', 'The operator instanceof is not supported');
        } else if (node.operator === 'in') {
          report(node, 'no-in-operator', 'the in operator is not supported by APPSYNC_JS (use Object.hasOwn)');
        }
        break;
      case 'ImportExpression':
        report(node, 'no-dynamic-import', 'dynamic import() is not supported by APPSYNC_JS');
        break;
      case 'MetaProperty':
        report(node, 'no-meta-property', `${node.meta.name}.${node.property.name} is not supported by APPSYNC_JS`);
        break;
      case 'Identifier':
        if (node.name.startsWith(RESERVED_PREFIX)) {
          report(node, 'reserved-identifier', `identifiers starting with ${RESERVED_PREFIX} are reserved by the local runtime`);
        } else if (node.name === 'Promise' && !scopes.resolve('Promise', ancestors)) {
          report(node, 'no-promise', 'Promise is not supported by APPSYNC_JS');
        }
        break;
      case 'NewExpression':
      case 'CallExpression':
        checkCall(node, ancestors);
        break;
      case 'ReturnStatement':
        if (isFunctionValue(node.argument, ancestors)) report(node, 'no-function-return', 'functions can not be returned');
        break;
      case 'VariableDeclarator':
        if (node.init?.type === 'Identifier' && isFunctionValue(node.init, ancestors)) {
          report(node, 'no-function-reassign', 'functions can not be re-assigned');
        }
        break;
      case 'AssignmentExpression':
        if (node.right.type === 'Identifier' && isFunctionValue(node.right, ancestors)) {
          report(node, 'no-function-reassign', 'functions can not be re-assigned');
        }
        break;
    }
  });

  function checkCall(node: AnyNode, ancestors: AnyNode[]): void {
    const callee = node.callee as AnyNode;
    if (isGlobal(callee, ancestors, 'RegExp')) {
      report(node, 'no-regex', 'RegExp is not supported by APPSYNC_JS');
      return;
    }
    if (isGlobal(callee, ancestors, 'Function')) {
      report(node, 'no-function-constructor', 'the Function constructor is not supported by APPSYNC_JS');
      return;
    }
    if (isGlobal(callee, ancestors, 'eval')) {
      report(node, 'no-eval', 'eval is not supported by APPSYNC_JS');
      return;
    }
    if (node.type === 'NewExpression') return;

    const method = callee.type === 'MemberExpression' && !callee.computed ? (callee.property.name as string) : undefined;
    if (method === 'apply' || method === 'bind' || method === 'call') {
      report(node, 'no-apply-bind-call', `Function.prototype.${method} is not supported by APPSYNC_JS`);
      return;
    }
    if (method && callee.object.type === 'Identifier' && DENIED_STATIC[callee.object.name]?.has(method) &&
        !scopes.resolve(callee.object.name, ancestors)) {
      const owner = callee.object.name === 'Object' ? 'ObjectConstructor' : callee.object.name;
      report(node, 'no-disallowed-methods', `Method ${owner}.${method} is not implemented`);
      return;
    }
    if (method && Object.hasOwn(DENIED_INSTANCE, method)) {
      report(node, 'no-disallowed-methods', `Method ${DENIED_INSTANCE[method]}.${method} is not implemented`);
      return;
    }

    // no-recursion: a function calling itself (directly) by name.
    if (callee.type === 'Identifier') {
      const binding = scopes.resolve(callee.name, ancestors);
      if (binding?.fn && ancestors.includes(binding.fn)) {
        report(node, 'no-recursion', 'recursive function calls are not supported by APPSYNC_JS');
        return;
      }
    }

    // no-function-passing: callbacks only for the allow-listed array methods.
    const passesFunction = node.arguments.some((arg: AnyNode) => isFunctionValue(arg, ancestors));
    if (passesFunction && !(method && CALLBACK_METHODS.has(method))) {
      report(node, 'no-function-passing', 'Functions can not be passed as an argument');
    }
  }

  return out;
}

/**
 * eslint-plugin no-disallowed-re-assignment: in `request`/`response`, the first parameter (ctx) and
 * its direct properties are read-only (`ctx.stash.x = 1` stays allowed).
 */
function checkContextReassignment(
  fn: AnyNode,
  scopes: ScopeModel,
  report: (node: AnyNode, rule: string, detail: string) => void,
): void {
  const param = fn.params[0] as AnyNode | undefined;
  if (!param || param.type !== 'Identifier') return;
  const name = param.name as string;
  fullAncestor(fn.body as Node, (n, _s, anc) => {
    const node = n as AnyNode;
    if (node.type !== 'Identifier' || node.name !== name) return;
    const ancestors = [fn, ...(anc as AnyNode[])];
    const binding = scopes.resolve(name, ancestors);
    if (binding?.kind !== 'param' || scopes.resolve(name, [fn]) !== binding) return;
    const parent = ancestors[ancestors.length - 2];
    const grand = ancestors[ancestors.length - 3];
    const writes = (target: AnyNode, holder: AnyNode | undefined) =>
      !!holder &&
      ((holder.type === 'AssignmentExpression' && holder.left === target) ||
        (holder.type === 'UpdateExpression' && holder.argument === target) ||
        (holder.type === 'UnaryExpression' && holder.operator === 'delete' && holder.argument === target) ||
        ((holder.type === 'ForInStatement' || holder.type === 'ForOfStatement') && holder.left === target));
    if (writes(node, parent)) {
      report(node, 'no-disallowed-re-assignment', `${name} is readonly and re-assignment is not supported.`);
    } else if (parent?.type === 'MemberExpression' && parent.object === node && writes(parent, grand)) {
      const prop = parent.computed ? (parent.property.type === 'Literal' ? String(parent.property.value) : undefined) : parent.property.name;
      report(
        parent,
        'no-disallowed-re-assignment',
        prop
          ? `${name} is readonly. Adding/Updating ${prop} is not supported.`
          : `${name} is readonly adding/modifying properties is not supported.`,
      );
    }
  });
}
