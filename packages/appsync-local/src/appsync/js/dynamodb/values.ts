/**
 * Small, realm-independent checks on the plain data resolver code hands us. Resolver code runs in a
 * sandbox (another realm), so `instanceof` and prototype identity checks would fail: these use only
 * `typeof`, `Array.isArray` and prototype *shape*.
 */

export type PlainObject = Record<string, unknown>;

/** A plain `{}` object from any realm (not an array, not null, not a class instance). */
export function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // Object.prototype of any realm has a null prototype; Object.create(null) objects have none at all.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** A short, readable description of a value's type for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing (undefined)';
  if (Array.isArray(value)) return 'an array';
  if (isPlainObject(value)) return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  return `a ${typeof value}`;
}

/**
 * Sets an own, enumerable property. Plain assignment of a key such as `__proto__` (which arrives in
 * user data) would change the object's prototype instead of adding a property.
 */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Own enumerable entries whose value is not `undefined` (JSON semantics: undefined means absent). */
export function definedEntries(obj: PlainObject): [string, unknown][] {
  return Object.keys(obj)
    .filter((key) => obj[key] !== undefined)
    .map((key) => [key, obj[key]]);
}

/** Throws the Error resolver code sees; the sandbox turns it into a code error. */
export function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

/** Requires a plain object argument (the helpers' single payload parameter, nested option objects). */
export function requireObject(where: string, value: unknown, what: string): PlainObject {
  if (!isPlainObject(value)) fail(where, `${what} must be an object, got ${describe(value)}`);
  return value;
}

export type OptionType = 'string' | 'number' | 'boolean' | 'integer';

/**
 * Copies the listed scalar options whose values are neither undefined nor null (AppSync leaves
 * absent options out of the request), checking each one's type.
 */
export function pickOptions(where: string, source: PlainObject, spec: Record<string, OptionType>): PlainObject {
  const out: PlainObject = {};
  for (const [key, type] of Object.entries(spec)) {
    const value = source[key];
    if (value === undefined || value === null) continue;
    const ok = type === 'integer' ? Number.isInteger(value) : typeof value === type;
    if (!ok) fail(where, `${key} must be ${type === 'integer' ? 'an integer' : `a ${type}`}, got ${describe(value)}`);
    setOwn(out, key, value);
  }
  return out;
}
