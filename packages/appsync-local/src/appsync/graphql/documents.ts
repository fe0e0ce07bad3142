/**
 * Parsing and validation of query strings, kept per query string: the document, or AppSync's error
 * entries for it (syntax errors, validation errors in graphql-java's wording, nesting refusals).
 */
import { GraphQLError, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { syntaxError, type ResponseError } from './errors.ts';
import { documentNestingProblem, sourceNestingProblem } from './nesting.ts';
import { validateDocument } from './validation.ts';

/** Parsed and validated documents kept, by query string (least recently used evicted first). */
const MAX_CACHED_DOCUMENTS = 500;
/** Longer query strings are parsed every time (they would crowd the cache out). */
const MAX_CACHED_QUERY_CHARS = 64 * 1024;
/** graphql-js stops parsing past this many tokens. */
const MAX_TOKENS = 50_000;

export type ParseOutcome = { document: DocumentNode } | { errors: readonly ResponseError[] };

/**
 * Parse + validate depend only on the query string (the schema and limits are fixed), so their
 * outcome, document or AppSync's error entries, is kept per query string: clients send the same few
 * queries over and over. Documents are never mutated (graphql-js treats them as immutable).
 */
export function createDocumentCache(schema: GraphQLSchema, introspection: boolean): (source: string) => ParseOutcome {
  const documents = new Map<string, ParseOutcome>();
  return function parseAndValidate(source: string): ParseOutcome {
    const cached = documents.get(source);
    if (cached) {
      // Most recently used last, so the oldest entry is the one evicted.
      documents.delete(source);
      documents.set(source, cached);
      return cached;
    }
    let outcome: ParseOutcome;
    try {
      // Too deep for graphql-js's recursive parser and rules: refused before they run.
      const tooDeep = sourceNestingProblem(source, MAX_TOKENS);
      const document = tooDeep ? null : parse(source, { maxTokens: MAX_TOKENS });
      const problem = tooDeep ?? (document && documentNestingProblem(document));
      const invalid = problem ? [problem] : validateDocument(schema, document!, introspection);
      outcome = invalid.length > 0 ? { errors: invalid as ResponseError[] } : { document: document! };
    } catch (err) {
      if (!(err instanceof GraphQLError)) throw err;
      outcome = { errors: [syntaxError(err)] as ResponseError[] };
    }
    if (source.length <= MAX_CACHED_QUERY_CHARS) {
      if (documents.size >= MAX_CACHED_DOCUMENTS) documents.delete(documents.keys().next().value!);
      documents.set(source, outcome);
    }
    return outcome;
  };
}
