/**
 * Bounds on how deeply a request may nest, checked without recursion before graphql-js sees the
 * document: its parser, several validation rules (NoFragmentCycles, OverlappingFieldsCanBeMerged) and
 * field collection recurse once per level, so a hostile query (`[[[[…`, `{a{a{a…`, a chain of
 * thousands of fragments each spreading the next) would otherwise overflow the stack and turn into a
 * 500. graphql-java, which AppSync runs, cancels such parses the same way ("To prevent Denial Of
 * Service attacks, parsing has been cancelled"); ⚠ AppSync's exact text and bound are not published.
 *
 * The bounds are far above anything a client writes (AppSync's own query depth limit is at most 75).
 */
import { Kind, Lexer, Source, TokenKind, visit, type DocumentNode, type OperationDefinitionNode, type Token } from 'graphql';
import { requestError, type RequestErrorEntry } from './errors.ts';

/** Brackets (`{`, `[`, `(`) open at once in the query text. */
export const MAX_NESTING_DEPTH = 150;
/**
 * Selection-set levels plus fragment spreads along any path, fragments followed: a spread counts as a
 * level of its own, and the fragment's selection set continues the level the spread sits at.
 */
export const MAX_SPREAD_DEPTH = 500;
/**
 * JSON (a part of a request body, a variable, an AWSJSON value) nested deeper than this is refused:
 * JSON.parse copes with any depth, but JSON.stringify, graphql-js's coercion and the handlers' ctx
 * recurse once per level. ⚠ AppSync publishes no bound; 1000 is Jackson's default maximum nesting
 * depth (StreamReadConstraints), the JSON parser of the Java stack AppSync runs on.
 */
export const MAX_JSON_DEPTH = 1000;

const cancelled = (what: string, token: { line: number; column: number } | null): RequestErrorEntry =>
  requestError(
    `Invalid Syntax : ${what}. To prevent Denial Of Service attacks, parsing has been cancelled.`,
    token ? [{ line: token.line, column: token.column }] : undefined,
  );

/**
 * Scans the query's tokens (iteratively) for brackets nested deeper than MAX_NESTING_DEPTH. Lexical
 * errors and the token count are left to the parser, which reports them in its own words.
 */
export function sourceNestingProblem(query: string, maxTokens: number): RequestErrorEntry | null {
  const lexer = new Lexer(new Source(query));
  let depth = 0;
  let tokens = 0;
  try {
    for (let token: Token = lexer.advance(); token.kind !== TokenKind.EOF && tokens <= maxTokens; token = lexer.advance()) {
      tokens += 1;
      if (token.kind === TokenKind.BRACE_L || token.kind === TokenKind.BRACKET_L || token.kind === TokenKind.PAREN_L) {
        depth += 1;
        if (depth > MAX_NESTING_DEPTH) return cancelled(`More than ${MAX_NESTING_DEPTH} levels of nesting have been entered`, token);
      } else if (token.kind === TokenKind.BRACE_R || token.kind === TokenKind.BRACKET_R || token.kind === TokenKind.PAREN_R) {
        depth = Math.max(0, depth - 1);
      }
    }
  } catch {
    return null; // a lexical error: parse() reports it
  }
  return null;
}

/**
 * The deepest path through selection sets and fragment spreads, fragments followed (a spread counts
 * as a level, a cycle stops the path: validation reports cycles). Iterative: the document may be
 * hostile.
 */
export function documentNestingProblem(document: DocumentNode): RequestErrorEntry | null {
  // For each definition: its own deepest selection level, and each spread with the level it sits at.
  interface Shape {
    own: number;
    spreads: { name: string; level: number }[];
    loc: { line: number; column: number } | null;
  }
  const shapes = new Map<string, Shape>();
  const roots: Shape[] = [];
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION && def.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const shape: Shape = { own: 0, spreads: [], loc: def.loc ? { line: def.loc.startToken.line, column: def.loc.startToken.column } : null };
    let level = 0;
    visit(def, {
      SelectionSet: {
        enter() {
          level += 1;
          if (level > shape.own) shape.own = level;
        },
        leave() {
          level -= 1;
        },
      },
      FragmentSpread(node) {
        shape.spreads.push({ name: node.name.value, level });
      },
    });
    if (def.kind === Kind.FRAGMENT_DEFINITION) {
      if (!shapes.has(def.name.value)) shapes.set(def.name.value, shape);
    } else roots.push(shape);
  }
  // Longest path with memo; an explicit stack instead of recursion.
  const memo = new Map<string, number>();
  const onPath = new Set<string>();
  const depthOf = (start: string): number => {
    const stack: { name: string; next: number; best: number }[] = [{ name: start, next: 0, best: shapes.get(start)?.own ?? 0 }];
    onPath.add(start);
    let result = 0;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const shape = shapes.get(frame.name);
      const spread = shape?.spreads[frame.next];
      if (!spread) {
        stack.pop();
        onPath.delete(frame.name);
        memo.set(frame.name, frame.best);
        result = frame.best;
        const parent = stack[stack.length - 1];
        if (parent) {
          const via = shapes.get(parent.name)!.spreads[parent.next]!;
          parent.best = Math.max(parent.best, via.level + result);
          parent.next += 1;
        }
        continue;
      }
      if (!shapes.has(spread.name) || onPath.has(spread.name)) {
        frame.best = Math.max(frame.best, spread.level + 1);
        frame.next += 1;
      } else if (memo.has(spread.name)) {
        frame.best = Math.max(frame.best, spread.level + memo.get(spread.name)!);
        frame.next += 1;
      } else {
        // Bail out early: the path is already too deep, whatever follows.
        if (stack.length > MAX_SPREAD_DEPTH) {
          onPath.clear();
          return MAX_SPREAD_DEPTH + 1;
        }
        onPath.add(spread.name);
        stack.push({ name: spread.name, next: 0, best: shapes.get(spread.name)!.own });
      }
    }
    return result;
  };
  const tooDeep = (depth: number) => depth > MAX_SPREAD_DEPTH;
  for (const root of roots) {
    let depth = root.own;
    for (const spread of root.spreads) {
      const inner = shapes.has(spread.name) ? (memo.get(spread.name) ?? depthOf(spread.name)) : 0;
      depth = Math.max(depth, spread.level + inner);
      if (tooDeep(depth)) break;
    }
    if (tooDeep(depth)) return cancelled(`More than ${MAX_SPREAD_DEPTH} levels of selections and fragment spreads have been entered`, root.loc);
  }
  // Fragments no operation uses are validated too (NoFragmentCycles walks every one).
  for (const name of shapes.keys()) {
    if (tooDeep(memo.get(name) ?? depthOf(name))) {
      return cancelled(`More than ${MAX_SPREAD_DEPTH} levels of selections and fragment spreads have been entered`, shapes.get(name)!.loc);
    }
  }
  return null;
}

/** Whether arrays and objects nest more than `max` levels in `value` (walked without recursion). */
export function jsonDeeperThan(value: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

/** The message for a variable nested too deeply (⚠ our wording, after graphql-java's variable errors). */
export const variableTooDeepMessage = (name: string): string =>
  `Variable '${name}' has an invalid value. It is nested more than ${MAX_JSON_DEPTH} levels deep.`;

/**
 * The first variable nested deeper than MAX_JSON_DEPTH, as the request error AppSync gives for a bad
 * variable (at its definition; undeclared variables have none: they still reach `ctx.info.variables`).
 */
export function variablesNestingProblem(
  variables: Record<string, unknown> | null | undefined,
  operation: OperationDefinitionNode,
): RequestErrorEntry | null {
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (!jsonDeeperThan(value, MAX_JSON_DEPTH)) continue;
    const def = operation.variableDefinitions?.find((d) => d.variable.name.value === name);
    const token = def?.loc?.startToken;
    return requestError(variableTooDeepMessage(name), token ? [{ line: token.line, column: token.column }] : undefined);
  }
  return null;
}
