/**
 * Placeholder naming for projections, whose exact strings AWS does not publish (update expressions
 * follow AppSync's recorded #expName_N / :expValue_N, update-expression.ts). choice: this naming, no
 * recorded AWS output. Rules, so every name is deterministic and valid DynamoDB:
 *  - a name placeholder is `#` + the attribute name, with characters other than letters, digits and
 *    `_` replaced by `_`; a value placeholder is `:` + a base built the same way;
 *  - the same attribute always gets the same name placeholder;
 *  - if two different attributes/values would share a placeholder, later ones get `_2`, `_3`, …
 *    in the order they are met (input order), so the output depends only on the input.
 * Filters and conditions keep AppSync's verbatim `#field` names instead (see filter.ts).
 */
import type { AttributeMap, AttributeValue } from './marshal.ts';
import { fail, setOwn } from './values.ts';

export interface Placeholders {
  names: Record<string, string>;
  values: AttributeMap;
  name(attribute: string): string;
  value(base: string, value: AttributeValue): string;
}

const sanitize = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_') || '_';

function unique(taken: Record<string, unknown>, base: string): string {
  if (!Object.hasOwn(taken, base)) return base;
  let n = 2;
  while (Object.hasOwn(taken, `${base}_${n}`)) n += 1;
  return `${base}_${n}`;
}

export function createPlaceholders(): Placeholders {
  const names: Record<string, string> = {};
  const byAttribute = new Map<string, string>();
  const values: AttributeMap = {};
  return {
    names,
    values,
    name(attribute) {
      const known = byAttribute.get(attribute);
      if (known) return known;
      const placeholder = unique(names, `#${sanitize(attribute)}`);
      byAttribute.set(attribute, placeholder);
      setOwn(names, placeholder, attribute);
      return placeholder;
    },
    value(base, value) {
      const placeholder = unique(values, `:${sanitize(base)}`);
      setOwn(values, placeholder, value);
      return placeholder;
    },
  };
}

/** One step of a document path: an attribute name with optional list indexes, `a`, `b[1]`, `c[0][2]`. */
export interface PathStep {
  attribute: string;
  indexes: number[];
}

/** Parses `a.b[1].c` (projection syntax in the helper typings). */
export function parseDocumentPath(where: string, path: unknown): PathStep[] {
  if (typeof path !== 'string' || path === '') fail(where, `a projection path must be a non-empty string, got ${JSON.stringify(path)}`);
  return path.split('.').map((segment) => {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
    if (!match) fail(where, `invalid document path "${path}" (expected names separated by dots, with optional [index])`);
    const indexes = [...match[2].matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    return { attribute: match[1], indexes };
  });
}

/** Renders path steps with name placeholders: `#a.#b[1]`. */
export function renderPath(placeholders: Placeholders, steps: PathStep[]): string {
  return steps.map((s) => placeholders.name(s.attribute) + s.indexes.map((i) => `[${i}]`).join('')).join('.');
}
