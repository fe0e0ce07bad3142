/**
 * The one GraphQL client of the whole-API tests: POST /graphql on a local runtime (test/support/
 * runtime.ts) as a demo person (their access token), with an integration token, as Taskwire's
 * functions (IAM: SigV4 with their local credentials), or unauthenticated.
 *
 *   const api = graphqlClient(rt);
 *   const data = await api.gql('max', QUERY, vars);          // the data; throws on any error
 *   const err = await api.refusal('vera', MUTATION, vars);    // the first error; fails the test if none
 *   const r = await api.raw({ token: secret }, QUERY);        // the whole answer (HTTP 200 asserted)
 *   const h = await api.http('anonymous', QUERY);             // the whole answer and its HTTP status
 *   const t = await api.gql('max', graphql(`query GetTask($id: ID!) { task(id: $id) { id } }`), { id });
 *                                                             // typed: t.task is { id: string } | null
 *
 * A query is a string or a typed document: graphql-codegen's TypedDocumentNode, or the TypedDocumentString
 * that `graphql(\`...\`)` of test/gql/ (the client preset, `npm run codegen`) returns, whose result type
 * `gql` then returns and whose variables it checks. A refusal is an error with no data: every field asked
 * for is null.
 */
import type { DocumentTypeDecoration, TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { expect } from 'vitest';
import type { RuntimeFixture } from './runtime.ts';
import { EMAIL, type Person } from './people.ts';
import { signRequest } from '../../packages/appsync-local/src/appsync/auth/iam.ts';
import { LOCAL_IAM_CREDENTIALS } from '../../local/start.ts';

export interface GqlError {
  errorType?: string | null;
  message: string;
  errorInfo?: unknown;
  path?: (string | number)[];
}

export interface Answer<T = Record<string, any>> {
  data?: T | null;
  errors?: GqlError[];
}

/**
 * Who calls: a demo person, an integration token (`{ token }`), any Authorization value, Taskwire's
 * functions (`'iam'`: the request SigV4-signed with LOCAL_IAM_CREDENTIALS), or nobody.
 */
export type Caller = Person | { token: string } | { authorization: string } | 'iam' | 'anonymous';

type Vars = Record<string, unknown>;

/** A query: GraphQL text, or a typed document whose result type is `T` and variables `V`. */
export type Query<T = Record<string, any>, V = Vars> = string | TypedDocumentNode<T, V> | DocumentTypeDecoration<T, V>;

function text(query: Query<unknown, any>): string {
  if (typeof query === 'string') return query;
  // A TypedDocumentString (codegen's string mode) is a String object; a TypedDocumentNode is an AST.
  return 'kind' in (query as object) ? print(query as DocumentNode) : String(query);
}

export interface GraphqlClient {
  /** The whole answer and its HTTP status, whatever it is (e.g. AppSync's 401 before any GraphQL runs). */
  http<T = Record<string, any>, V extends Vars = Vars>(who: Caller, query: Query<T, V>, variables?: NoInfer<V>): Promise<Answer<T> & { status: number }>;
  /** The whole answer of a call that must reach GraphQL (HTTP 200 asserted). */
  raw<T = Record<string, any>, V extends Vars = Vars>(who: Caller, query: Query<T, V>, variables?: NoInfer<V>): Promise<Answer<T>>;
  /** The data of a call that must succeed. */
  gql<T = Record<string, any>, V extends Vars = Vars>(who: Caller, query: Query<T, V>, variables?: NoInfer<V>): Promise<T>;
  /** The first error of a call that must fail. */
  refusal<V extends Vars = Vars>(who: Caller, query: Query<unknown, V>, variables?: NoInfer<V>): Promise<GqlError>;
}

export function graphqlClient(rt: RuntimeFixture): GraphqlClient {
  const headers = async (who: Caller, body: string): Promise<Record<string, string>> => {
    const json = { 'content-type': 'application/json' };
    if (who === 'anonymous') return json;
    if (who === 'iam') {
      const region = String(rt.runtime.outputs.data.aws_region);
      return signRequest({ url: rt.runtime.urls.graphql, method: 'POST', headers: json, body }, LOCAL_IAM_CREDENTIALS, { region });
    }
    if (typeof who === 'string') return { ...json, authorization: await rt.token(EMAIL[who]) };
    return { ...json, authorization: 'token' in who ? who.token : who.authorization };
  };
  const http = async <T>(who: Caller, query: Query<T, any>, variables: Vars = {}): Promise<Answer<T> & { status: number }> => {
    const body = JSON.stringify({ query: text(query), variables });
    const res = await rt.fetch('/graphql', { headers: await headers(who, body), body });
    return { status: res.status, ...(JSON.parse(res.body) as Answer<T>) };
  };
  const raw = async <T>(who: Caller, query: Query<T, any>, variables: Vars = {}): Promise<Answer<T>> => {
    const { status, ...answer } = await http<T>(who, query, variables);
    expect(status, JSON.stringify(answer)).toBe(200);
    return answer;
  };
  return {
    http,
    raw,
    async gql<T>(who: Caller, query: Query<T, any>, variables: Vars = {}): Promise<T> {
      const r = await raw<T>(who, query, variables);
      if (r.errors?.length || !r.data) {
        const name = typeof who === 'string' ? who : 'token' in who ? 'a token' : 'a caller';
        throw new Error(`${name}: ${text(query).slice(0, 70)}… failed: ${JSON.stringify(r.errors)}`);
      }
      return r.data;
    },
    async refusal(who: Caller, query: Query<unknown, any>, variables: Vars = {}): Promise<GqlError> {
      const r = await raw(who, query, variables);
      expect(r.errors?.length, `expected ${text(query).slice(0, 70)} to fail, got ${JSON.stringify(r.data)}`).toBeGreaterThan(0);
      // Refused means nothing answered: every field asked for is null (or data is).
      for (const [field, value] of Object.entries(r.data ?? {})) expect(value, `${field} of a refused call`).toBeNull();
      return r.errors![0]!;
    },
  };
}
