/** Projections: `['id', 'nested.object[1]']` → `{ expression: '#id, #nested.#object[1]', expressionNames }`. */
import { createPlaceholders, parseDocumentPath, renderPath } from './placeholders.ts';
import { describe, fail } from './values.ts';

export interface ProjectionExpression {
  expression: string;
  expressionNames: Record<string, string>;
}

/** Absent (undefined/null) or empty projections mean "all attributes": no projection in the request. */
export function toProjection(where: string, projection: unknown): ProjectionExpression | undefined {
  if (projection === undefined || projection === null) return undefined;
  if (!Array.isArray(projection)) fail(where, `projection must be a list of attribute paths, got ${describe(projection)}`);
  if (projection.length === 0) return undefined;
  const placeholders = createPlaceholders();
  const expression = projection.map((path) => renderPath(placeholders, parseDocumentPath(`${where} projection`, path))).join(', ');
  return { expression, expressionNames: placeholders.names };
}
