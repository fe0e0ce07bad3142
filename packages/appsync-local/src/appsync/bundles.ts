/** What the caller hands the runtime: one compiled APPSYNC_JS bundle per resolver and pipeline function. */

/** AppSync's limit on functions in one pipeline resolver. */
export const MAX_PIPELINE_FUNCTIONS = 10;

export interface Bundle {
  /** `Query.task` for a resolver, the function's name for a pipeline function. */
  name: string;
  kind: 'resolver' | 'function';
  sourceFile: string;
  code: string;
}

export interface BundleSet {
  resolvers: Map<string, Bundle>;
  functions: Map<string, Bundle>;
}
