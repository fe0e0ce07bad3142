// Runs once inside each resolver's node:vm context, before any resolver code, as trusted runtime code.
// It is plain JavaScript evaluated in the sandbox realm, so everything it creates (util, ctx, errors)
// has the sandbox's prototypes. The host is reached only through `hostCall`, a closure variable that
// takes and returns strings: no host object is ever handed to resolver code.
//
// The expression below evaluates to a function; the host calls it once with (hostCall, spec).
(function prelude(hostCall, spec) {
  'use strict';
  // ---- intrinsics captured before hardening (resolver code can neither see nor replace these) ----
  const G = globalThis;
  const jsonParse = JSON.parse;
  const jsonStringify = JSON.stringify;
  const apply = Reflect.apply;
  const defineProperty = Object.defineProperty;
  const freeze = Object.freeze;
  const preventExtensions = Object.preventExtensions;
  const getOwnPropertyNames = Object.getOwnPropertyNames;
  const objectKeys = Object.keys;
  const getPrototypeOf = Object.getPrototypeOf;
  const isArray = Array.isArray;
  const RegExpCtor = RegExp;
  const ErrorCtor = Error;
  const TypeErrorCtor = TypeError;
  const MapCtor = Map;
  const mapGet = Map.prototype.get;
  const mapSet = Map.prototype.set;
  const nativeReplace = String.prototype.replace;
  const nativeReplaceAll = String.prototype.replaceAll;
  const dateNow = Date.now;

  // ---- time limit: the host sets a deadline; instrumented loops and function entries call tick() ----
  const TIMEOUT = freeze({ kind: 'timeout' });
  const ABORT = freeze({ kind: 'abort' });
  let deadline = Infinity;
  let ticks = 0;
  function tick() {
    ticks = (ticks + 1) | 0;
    if ((ticks & 255) === 0 && dateNow() > deadline) throw TIMEOUT;
  }

  // ---- the bridge: op index + JSON arguments in, tagged JSON out ----
  function call(op, args) {
    const reply = hostCall(op, jsonStringify(args));
    const tag = reply[0];
    if (tag === 'v') return jsonParse(reply.slice(1));
    if (tag === 'u') return undefined;
    if (tag === 'a') throw ABORT;
    const err = jsonParse(reply.slice(1));
    const e = err.name === 'TypeError' ? new TypeErrorCtor(err.message) : new ErrorCtor(err.message);
    if (err.name !== 'TypeError') e.name = err.name;
    throw e;
  }

  function deepFreeze(value) {
    if (value && typeof value === 'object') {
      for (const key of objectKeys(value)) deepFreeze(value[key]);
      freeze(value);
    }
    return value;
  }

  /** Builds the sandbox-side API from the host's spec: `{ "$op": n }` leaves become bridged functions. */
  function build(node) {
    if (node && typeof node === 'object') {
      if (typeof node.$op === 'number') {
        const op = node.$op;
        return function (...args) { return call(op, args); };
      }
      const out = {};
      for (const key of objectKeys(node)) out[key] = build(node[key]);
      return out;
    }
    return node;
  }
  const modules = {};
  for (const name of objectKeys(spec.modules)) modules[name] = deepFreeze(build(spec.modules[name]));

  // console.log / console.error: the host formats the line and reads the caller's location from the stack.
  const consoleOp = spec.console;
  function logger(level) {
    return function (...args) {
      hostCall(consoleOp, jsonStringify([level, new ErrorCtor().stack, args]));
    };
  }
  const console = deepFreeze({ log: logger('INFO'), error: logger('ERROR'), info: logger('INFO'), warn: logger('WARN'), debug: logger('DEBUG') });

  // ---- Java-regex String.prototype.replace / replaceAll (docs/local-runtime.md) ----
  const regexOp = spec.regex;
  const regexCache = new MapCtor();
  function javaRegex(pattern, global) {
    const key = (global ? 'g' : '-') + pattern;
    let entry = apply(mapGet, regexCache, [key]);
    if (!entry) {
      const t = call(regexOp, [pattern]);
      entry = new RegExpCtor(t.source, t.flags + (global ? 'g' : ''));
      apply(mapSet, regexCache, [key, entry]);
    }
    entry.lastIndex = 0;
    return entry;
  }
  const replacementOp = spec.replacement;
  function javaReplacement(replacement) {
    return typeof replacement === 'string' ? call(replacementOp, [replacement]) : replacement;
  }
  function replace(pattern, replacement) {
    if (typeof pattern !== 'string') return apply(nativeReplace, this, [pattern, replacement]);
    return apply(nativeReplace, this, [javaRegex(pattern, false), javaReplacement(replacement)]);
  }
  function replaceAll(pattern, replacement) {
    if (typeof pattern !== 'string') return apply(nativeReplaceAll, this, [pattern, replacement]);
    return apply(nativeReplaceAll, this, [javaRegex(pattern, true), javaReplacement(replacement)]);
  }

  // ---- hardening: only the allow-listed globals and methods remain (docs/local-runtime.md) ----
  for (const [owner, names] of spec.deny) {
    const target = owner.split('.').reduce((o, k) => o[k], G);
    for (const name of names) delete target[name];
  }
  defineProperty(String.prototype, 'replace', { value: replace, writable: true, configurable: true });
  defineProperty(String.prototype, 'replaceAll', { value: replaceAll, writable: true, configurable: true });
  // JSON.parse returns "" on invalid input instead of throwing (supported-features).
  JSON.parse = function parse(text, reviver) {
    try { return jsonParse(text, reviver); } catch { return ''; }
  };
  G.console = console;
  G.util = modules['@aws-appsync/utils'].util;
  G.runtime = modules['@aws-appsync/utils'].runtime;
  G.extensions = modules['@aws-appsync/utils'].extensions;
  // Everything not allow-listed leaves the global object (including globalThis itself).
  const allowed = spec.globals;
  for (const name of getOwnPropertyNames(G)) {
    if (!allowed.includes(name)) { try { delete G[name]; } catch { /* non-configurable */ } }
  }
  // No new properties on the built-ins: one request cannot plant state for the next.
  for (const name of allowed) {
    const v = G[name];
    if (v && (typeof v === 'object' || typeof v === 'function')) {
      preventExtensions(v);
      if (v.prototype) preventExtensions(v.prototype);
    }
  }
  preventExtensions(getPrototypeOf(function () {}));

  // ---- building ctx from JSON (so its prototypes are the sandbox's) ----
  function makeContext(ctxJson, selectionSetList, selectionSetGraphQL) {
    const ctx = jsonParse(ctxJson);
    defineProperty(ctx, 'args', { value: ctx.arguments, enumerable: false, writable: true, configurable: true });
    if (ctx.info && typeof ctx.info === 'object') {
      defineProperty(ctx.info, 'selectionSetList', { value: selectionSetList === undefined ? undefined : jsonParse(selectionSetList), enumerable: false, writable: true, configurable: true });
      defineProperty(ctx.info, 'selectionSetGraphQL', { value: selectionSetGraphQL, enumerable: false, writable: true, configurable: true });
    }
    if (ctx.env && typeof ctx.env === 'object') freeze(ctx.env);
    return ctx;
  }

  function describe(err) {
    if (err === TIMEOUT) return ['timeout', undefined, undefined, undefined];
    if (err === ABORT) return ['abort', undefined, undefined, undefined];
    if (err && typeof err === 'object') {
      // Reading a hostile object's properties may run its getters: they are sandbox code, harmless here.
      const stack = typeof err.stack === 'string' ? err.stack : undefined;
      const name = typeof err.name === 'string' ? err.name : 'Error';
      const message = typeof err.message === 'string' ? err.message : String(err);
      return ['error', name, message, stack];
    }
    return ['error', 'Error', String(err), undefined];
  }

  /**
   * Runs one handler. `factory` re-evaluates the module body (fresh module state per call, as each
   * AppSync evaluation starts from the code), then calls the handler with a new ctx.
   * Returns only primitives: [status, value-or-error fields..., stash JSON]. The stash is returned
   * whatever the outcome, since a pipeline keeps the stash of an aborted or early-returning step.
   */
  function run(factory, handlerName, ctxJson, selectionSetList, selectionSetGraphQL, deadlineMs) {
    deadline = deadlineMs;
    ticks = 0;
    let ctx;
    const stashOf = () => {
      try { return ctx ? jsonStringify(ctx.stash) : undefined; } catch { return undefined; }
    };
    try {
      ctx = makeContext(ctxJson, selectionSetList, selectionSetGraphQL);
      const exportsObj = factory(modules, tick);
      const handler = exportsObj[handlerName];
      if (typeof handler !== 'function') {
        return ['error', 'TypeError', 'The code does not export a ' + handlerName + ' function', undefined, stashOf()];
      }
      const value = handler(ctx);
      deadline = Infinity;
      return ['ok', value === undefined ? undefined : jsonStringify(value), stashOf()];
    } catch (err) {
      deadline = Infinity;
      return [...describe(err), stashOf()];
    } finally {
      deadline = Infinity;
    }
  }

  return freeze({ run });
})
