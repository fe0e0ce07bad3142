/**
 * EventBridge event patterns: checking a pattern and matching events against it, with the comparison
 * operators AWS documents for event buses (docs/local-services.md lists them, with their sources).
 *
 *   const p = compilePattern({ source: ['taskwire'], detail: { kind: [{ 'anything-but': 'TaskDeleted' }] } });
 *   p.matches(event)   // event: the whole EventBridge envelope (version, id, detail-type, source, ..., detail)
 *
 * Matching works on the event's leaf values by path, as EventBridge does: arrays anywhere on the path are
 * flattened, so a condition holds when ANY value found at its path satisfies ANY of the field's
 * conditions (a field's array is an OR; the fields of an object are an AND; `$or` lists alternatives).
 */

export class InvalidEventPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventPatternException';
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Leaf = (values: unknown[]) => boolean;

interface Node {
  /** Conditions on this level's fields (all must hold). */
  fields: { key: string; test: (nodes: unknown[]) => boolean }[];
  /** `$or` groups at this level: each is a list of alternative nodes (one must hold). */
  ors: Node[][];
}

export interface CompiledPattern {
  matches(event: unknown): boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function flatten(v: unknown, out: unknown[]): void {
  if (Array.isArray(v)) for (const x of v) flatten(x, out);
  else if (v !== undefined) out.push(v);
}

/** The values found under `key` in each of `nodes` (arrays flattened). */
function childValues(nodes: unknown[], key: string): unknown[] {
  const out: unknown[] = [];
  for (const n of nodes) if (isObject(n) && Object.hasOwn(n, key)) flatten(n[key], out);
  return out;
}

// Numbers EventBridge compares: -5.0e9 to 5.0e9 (its documented range for numeric matching).
const NUMERIC_LIMIT = 5e9;

function fail(message: string): never {
  throw new InvalidEventPatternError(`Event pattern is not valid. Reason: ${message}`);
}

function textOperand(op: string, v: unknown): { text: string; fold: boolean } {
  if (typeof v === 'string') return { text: v, fold: false };
  if (isObject(v) && Object.keys(v).length === 1 && typeof v['equals-ignore-case'] === 'string') {
    return { text: v['equals-ignore-case'], fold: true };
  }
  return fail(`${op} match pattern must be a string`);
}

/** `*` matches any run of characters; `\*` is a literal star and `\\` a literal backslash. */
function wildcardRegex(pattern: string): RegExp {
  if (pattern.includes('**')) fail('Consecutive wildcard characters at pos ' + pattern.indexOf('**'));
  let re = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '\\') fail(`Invalid escape character at pos ${i}`);
      re += next === '*' ? '\\*' : '\\\\';
      i += 1;
    } else if (c === '*') re += '[\\s\\S]*';
    else re += c.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function parseIPv4(s: string): bigint | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = (n << 8n) | BigInt(Number(p));
  }
  return n;
}

function parseIPv6(s: string): bigint | null {
  if (!/^[0-9a-fA-F:]+$/.test(s) || s.split('::').length > 2) return null;
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const missing = 8 - h.length - t.length;
  if (tail === undefined ? h.length !== 8 : missing < 1) return null;
  const groups = [...h, ...Array(tail === undefined ? 0 : missing).fill('0'), ...t];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return n;
}

function cidrTest(v: unknown): (s: string) => boolean {
  if (typeof v !== 'string') fail('cidr match pattern must be a string');
  const [addr, bits, extra] = v.split('/');
  if (extra !== undefined || addr === undefined) fail(`Malformed CIDR, one '/' required`);
  const v4 = parseIPv4(addr);
  const v6 = v4 === null ? parseIPv6(addr) : null;
  if (v4 === null && v6 === null) fail(`Nonstandard IP address: ${addr}`);
  const width = v4 !== null ? 32 : 128;
  const prefix = bits === undefined ? width : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > width) fail(`Malformed CIDR, mask bits must be an integer between 0 and ${width}`);
  const shift = BigInt(width - prefix);
  const net = (v4 ?? v6)! >> shift;
  return (s) => {
    const ip = width === 32 ? parseIPv4(s) : parseIPv6(s);
    return ip !== null && ip >> shift === net;
  };
}

function numericTest(v: unknown): (n: number) => boolean {
  if (!Array.isArray(v) || v.length === 0 || v.length > 4 || v.length % 2 !== 0) fail('Value of numeric must be an array of one or two operator/number pairs.');
  const checks: ((n: number) => boolean)[] = [];
  let lower = false;
  let upper = false;
  for (let i = 0; i < v.length; i += 2) {
    const op = v[i];
    const x = v[i + 1];
    if (typeof x !== 'number' || !Number.isFinite(x)) fail(`Value of ${String(op)} must be a number.`);
    if (x < -NUMERIC_LIMIT || x > NUMERIC_LIMIT) fail(`Value of ${String(op)} must be between -5.0E9 and 5.0E9 inclusive.`);
    switch (op) {
      case '=':
        if (v.length !== 2) fail('Value of = must be the only one in numeric.');
        checks.push((n) => n === x);
        break;
      case '<':
      case '<=':
        if (upper) fail(`Bad numeric range operator: ${op}`);
        upper = true;
        checks.push(op === '<' ? (n) => n < x : (n) => n <= x);
        break;
      case '>':
      case '>=':
        if (lower || upper) fail(`Bad numeric range operator: ${op}`);
        lower = true;
        checks.push(op === '>' ? (n) => n > x : (n) => n >= x);
        break;
      default:
        fail(`Unrecognized numeric range operator: ${String(op)}`);
    }
  }
  return (n) => checks.every((c) => c(n));
}

function anythingBut(v: unknown): (x: unknown) => boolean {
  if (typeof v === 'string' || typeof v === 'number') return (x) => x !== v;
  if (Array.isArray(v)) {
    if (v.length === 0) fail('Inside anything-but list, start|null|boolean is not supported.');
    const allStrings = v.every((x) => typeof x === 'string');
    const allNumbers = v.every((x) => typeof x === 'number');
    if (!allStrings && !allNumbers) fail('Inside anything but list, start|null|boolean is not supported.');
    const set = new Set<unknown>(v);
    return (x) => !set.has(x);
  }
  if (isObject(v) && Object.keys(v).length === 1) {
    const [op, operand] = Object.entries(v)[0]!;
    const list = (what: string): string[] => {
      const items = Array.isArray(operand) ? operand : [operand];
      if (items.length === 0 || !items.every((s) => typeof s === 'string')) fail(`Value of anything-but/${what} must be a string or an array of strings.`);
      return items as string[];
    };
    switch (op) {
      case 'prefix': {
        const ps = list('prefix');
        return (x) => typeof x === 'string' && !ps.some((p) => x.startsWith(p));
      }
      case 'suffix': {
        const ss = list('suffix');
        return (x) => typeof x === 'string' && !ss.some((s) => x.endsWith(s));
      }
      case 'equals-ignore-case': {
        const folded = new Set(list('equals-ignore-case').map((s) => s.toLowerCase()));
        return (x) => typeof x === 'string' && !folded.has(x.toLowerCase());
      }
      case 'wildcard': {
        const res = list('wildcard').map(wildcardRegex);
        return (x) => typeof x === 'string' && !res.some((r) => r.test(x));
      }
      default:
        fail(`Unsupported anything-but pattern: ${op}`);
    }
  }
  return fail('Value of anything-but must be an array or single string/number value.');
}

/** One element of a field's array: a literal (exact match) or an operator object. */
function compileCondition(c: Json): { leaf: (x: unknown) => boolean } | { exists: boolean } {
  if (c === null || typeof c === 'string' || typeof c === 'boolean') return { leaf: (x) => x === c };
  if (typeof c === 'number') return { leaf: (x) => typeof x === 'number' && x === c };
  if (Array.isArray(c)) return fail('Match value must be String, number, true, false, or null');
  const keys = Object.keys(c);
  if (keys.length !== 1 && !(keys.length === 2 && keys.includes('numeric'))) fail(`Only one key allowed in match expression, found: ${keys.join(', ')}`);
  const op = keys[0]!;
  const v = c[op];
  switch (op) {
    case 'prefix': {
      const { text, fold } = textOperand('prefix', v);
      const t = fold ? text.toLowerCase() : text;
      return { leaf: (x) => typeof x === 'string' && (fold ? x.toLowerCase() : x).startsWith(t) };
    }
    case 'suffix': {
      const { text, fold } = textOperand('suffix', v);
      const t = fold ? text.toLowerCase() : text;
      return { leaf: (x) => typeof x === 'string' && (fold ? x.toLowerCase() : x).endsWith(t) };
    }
    case 'equals-ignore-case': {
      if (typeof v !== 'string') fail('equals-ignore-case match pattern must be a string');
      const t = v.toLowerCase();
      return { leaf: (x) => typeof x === 'string' && x.toLowerCase() === t };
    }
    case 'wildcard': {
      if (typeof v !== 'string') fail('wildcard match pattern must be a string');
      const re = wildcardRegex(v);
      return { leaf: (x) => typeof x === 'string' && re.test(x) };
    }
    case 'anything-but':
      return { leaf: anythingBut(v) };
    case 'numeric': {
      const test = numericTest(v);
      return { leaf: (x) => typeof x === 'number' && test(x) };
    }
    case 'cidr': {
      const test = cidrTest(v);
      return { leaf: (x) => typeof x === 'string' && test(x) };
    }
    case 'exists':
      if (typeof v !== 'boolean') fail('exists match pattern must be either true or false.');
      return { exists: v };
    default:
      return fail(`Unrecognized match type ${op}`);
  }
}

function compileLeaf(conditions: Json[]): Leaf {
  if (conditions.length === 0) fail('Empty arrays are not allowed');
  const compiled = conditions.map(compileCondition);
  return (values) => {
    // Only leaf values count: `exists` and the value operators ignore objects at the path.
    const leaves = values.filter((v) => !isObject(v));
    return compiled.some((c) => ('exists' in c ? (c.exists ? leaves.length > 0 : values.length === 0) : leaves.some(c.leaf)));
  };
}

function compileNode(pattern: Record<string, Json>): Node {
  const node: Node = { fields: [], ors: [] };
  for (const [key, value] of Object.entries(pattern)) {
    if (key === '$or') {
      if (!Array.isArray(value) || value.length < 2 || !value.every(isObject)) fail('Value of $or must be an array of at least two objects.');
      node.ors.push((value as Record<string, Json>[]).map(compileNode));
    } else if (Array.isArray(value)) {
      const leaf = compileLeaf(value);
      node.fields.push({ key, test: (nodes) => leaf(childValues(nodes, key)) });
    } else if (isObject(value)) {
      if (Object.keys(value).length === 0) fail(`Empty objects are not allowed`);
      const child = compileNode(value as Record<string, Json>);
      node.fields.push({ key, test: (nodes) => matchNode(child, childValues(nodes, key)) });
    } else {
      fail(`"${key}" must be an object or an array`);
    }
  }
  return node;
}

function matchNode(node: Node, nodes: unknown[]): boolean {
  return node.fields.every((f) => f.test(nodes)) && node.ors.every((alternatives) => alternatives.some((alt) => matchNode(alt, nodes)));
}

/** Checks a pattern (throws InvalidEventPatternError as PutRule/TestEventPattern would refuse it). */
export function compilePattern(pattern: unknown): CompiledPattern {
  let value = pattern;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      fail('Filter is not valid JSON');
    }
  }
  if (!isObject(value)) fail('Filter is not an object');
  if (Object.keys(value).length === 0) fail('Empty objects are not allowed');
  const root = compileNode(value as Record<string, Json>);
  return { matches: (event) => matchNode(root, [event]) };
}

export function matchesPattern(pattern: unknown, event: unknown): boolean {
  return compilePattern(pattern).matches(event);
}
