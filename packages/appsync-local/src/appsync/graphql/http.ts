/**
 * `POST /graphql` as AppSync answers it, independent of any listener (the app calls this; server.ts
 * only moves bytes). Transport problems get AppSync's `MalformedHttpRequestException` bodies
 * (graphql/graphql-over-http#81: "Request body is empty.", "Unable to parse GraphQL query."); auth
 * failures the authenticator's 401/403; everything else is a 200 GraphQL response.
 *
 * Deliberate difference from AppSync: AppSync also executes queries sent with GET and reads any body
 * as JSON. This runtime refuses GET and non-JSON content types, so a browser cannot be made to send a
 * "simple" cross-site request (form POST, image GET) that runs an operation (docs/local-runtime.md,
 * "Requests a browser cannot forge").
 */
import type { Authenticator } from '../types.ts';
import { Refusal } from '../refusal.ts';
import { malformed, malformedRequest, type GraphQLResponseBody } from './errors.ts';
import type { Executor } from './executor.ts';
import { jsonDeeperThan, MAX_JSON_DEPTH } from './nesting.ts';

export type { Authenticator };

export interface HttpRequest {
  method: string;
  /** Path with the query string, as received. */
  path: string;
  /** Lower-case names; repeated headers as arrays. */
  headers: Record<string, string | string[]>;
  body: string;
  /** The peer's address (identity.sourceIp ends with it). */
  remoteAddress: string;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** As AppSync writes it, without a space (recorded responses: docs/appsync-wire.md). */
export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';
const JSON_HEADERS = { 'content-type': JSON_CONTENT_TYPE };

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { statusCode, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

interface GraphQLPayload {
  query: string;
  variables: Record<string, unknown> | null;
  operationName: string | null;
}

function readPayload(req: HttpRequest): GraphQLPayload {
  if (req.method === 'GET') {
    throw malformedRequest(405, 'GET requests are not accepted: send a POST with a JSON body.', {
      allow: 'POST',
    });
  }
  if (req.method !== 'POST') {
    throw malformedRequest(405, `${req.method} requests are not accepted: send a POST with a JSON body.`, {
      allow: 'POST',
    });
  }
  const contentType = (first(req.headers['content-type']) ?? '').toLowerCase();
  if (!/^application\/(?:[\w.+-]+\+)?json\b/.test(contentType)) {
    throw malformedRequest(415, `Content type '${contentType || '(none)'}' is not accepted: send the request as application/json.`,
    );
  }
  if (req.body.trim() === '') throw malformed('Request body is empty.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body);
  } catch {
    throw malformed('Unable to parse GraphQL query.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw malformed('Unable to parse GraphQL query.');
  const { query, variables, operationName } = parsed as Record<string, unknown>;
  // Variables are answered one by one, as bad variables are (the executor); any other part is refused here.
  for (const [key, value] of Object.entries(parsed)) {
    if (key !== 'variables' && jsonDeeperThan(value, MAX_JSON_DEPTH)) {
      throw malformed(`The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
    }
  }
  if (typeof query !== 'string' || query.trim() === '') throw malformed('Unable to parse GraphQL query.');
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    throw malformed('Unable to parse GraphQL query.');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    throw malformed('Unable to parse GraphQL query.');
  }
  return {
    query,
    variables: (variables as Record<string, unknown> | null | undefined) ?? null,
    operationName: (operationName as string | null | undefined) ?? null,
  };
}

export async function handleGraphQLRequest(req: HttpRequest, authenticator: Authenticator, executor: Executor): Promise<HttpResponse> {
  try {
    const payload = readPayload(req);
    const auth = await authenticator.authenticate(
      // The peer address: auth/ puts X-Forwarded-For entries before it in identity.sourceIp.
      { method: req.method, path: req.path, headers: req.headers, body: req.body, sourceIp: req.remoteAddress },
      {
        queryString: payload.query,
        operationName: payload.operationName ?? undefined,
        variables: payload.variables ?? undefined,
      },
    );
    const body: GraphQLResponseBody = await executor.execute({
      query: payload.query,
      variables: payload.variables,
      operationName: payload.operationName,
      auth,
      headers: req.headers,
      // Served on localhost, which AppSync would treat as its default domain: domainName is null.
      domainName: null,
    });
    return jsonResponse(200, body);
  } catch (err) {
    if (err instanceof Refusal) return jsonResponse(err.statusCode, err.body(), err.headers);
    throw err;
  }
}
