/**
 * The one process stays fair and bounded over HTTPS (issue 8, findings 8 and 12): a request that runs
 * thousands of resolvers lets other requests through while it runs, and JSON nested deeper than the
 * runtime walks is refused at the edge in AppSync's shapes, never as an internal failure.
 */
import { describe, expect, it } from 'vitest';
import { request as httpsRequest } from 'node:https';
import { useLocalRuntime } from '../../support/runtime.ts';
import { TEST_APP } from '../graphql/fixture.ts';
import { MAX_JSON_DEPTH } from '../../../src/appsync/graphql/nesting.ts';

const rt = useLocalRuntime({ app: TEST_APP });

/** POST /graphql with a raw body; `onSent` runs once the whole body has been handed to the socket. */
function post(body: string, authorization: string, onSent?: () => void): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: 'localhost',
        port: rt.runtime.server.port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        agent: rt.agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (onSent) req.on('finish', onSent);
    req.end(body);
  });
}

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('fairness', () => {
  it('answers a small query from another connection while a 4,000-resolver query is still running', async () => {
    const token = await rt.token('max@taskwire.local');
    const aliases = Array.from({ length: 4000 }, (_, i) => `e${i}: echo(value: "${i}")`).join(' ');
    const finished: string[] = [];
    let small: Promise<unknown> | undefined;
    const big = post(JSON.stringify({ query: `{ ${aliases} }` }), token, () => {
      small = post(JSON.stringify({ query: '{ echo(value: "small") }' }), token).then((res) => {
        finished.push('small');
        return res;
      });
    }).then((res) => {
      finished.push('big');
      return res;
    });
    const bigAnswer = await big;
    const smallAnswer = await small;
    expect(finished).toEqual(['small', 'big']);
    expect(smallAnswer).toEqual({ status: 200, json: { data: { echo: 'small' } } });
    // Still AppSync's behaviour: every one of the 4,000 resolvers ran (the limit is 10,000).
    expect(bigAnswer.status).toBe(200);
    expect(bigAnswer.json.errors).toBeUndefined();
    expect(Object.keys(bigAnswer.json.data)).toHaveLength(4000);
    expect(bigAnswer.json.data.e3999).toBe('3999');
  }, 120_000);
});

describe('deeply nested JSON', () => {
  it('refuses variables nested 200,000 deep as an invalid variable value, not an internal failure', async () => {
    const token = await rt.token('max@taskwire.local');
    const body = `{"query":"query Q($v: String) { echo(value: $v) }","variables":{"v":${deep(200_000)}}}`;
    const res = await post(body, token);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      data: null,
      errors: [
        {
          path: null,
          locations: [{ line: 1, column: 9, sourceName: null }],
          message: `Variable 'v' has an invalid value. It is nested more than ${MAX_JSON_DEPTH} levels deep.`,
        },
      ],
    });
  });

  it('refuses a deep AWSJSON variable, given as a value or as a JSON string', async () => {
    const token = await rt.token('max@taskwire.local');
    const query = 'query Q($j: AWSJSON) { scalars(json: $j) }';
    for (const j of [deep(200_000), JSON.stringify(deep(200_000))]) {
      const res = await post(`{"query":"${query}","variables":{"j":${j}}}`, token);
      expect(res.status).toBe(200);
      expect(res.json.data).toBeNull();
      expect(res.json.errors).toHaveLength(1);
      expect(res.json.errors[0].message).toMatch(/^Variable 'j' has an invalid value\. .*nested more than 1000 levels deep/);
    }
    // Within the bound, a nested AWSJSON value still reaches the resolver.
    const ok = await post(JSON.stringify({ query, variables: { j: JSON.stringify(JSON.parse(deep(MAX_JSON_DEPTH))) } }), token);
    expect(ok.status).toBe(200);
    expect(ok.json.errors).toBeUndefined();
    expect(JSON.parse(ok.json.data.scalars)).toEqual({ json: JSON.parse(deep(MAX_JSON_DEPTH)) });
  });

  it('refuses a variable the query does not declare when it is nested too deep', async () => {
    const token = await rt.token('max@taskwire.local');
    const res = await post(`{"query":"{ echo(value: \\"x\\") }","variables":{"unused":${deep(200_000)}}}`, token);
    expect(res.json).toEqual({
      data: null,
      errors: [{ path: null, locations: null, message: `Variable 'unused' has an invalid value. It is nested more than ${MAX_JSON_DEPTH} levels deep.` }],
    });
  });

  it('refuses any other part of the body nested too deep as a malformed request', async () => {
    const token = await rt.token('max@taskwire.local');
    for (const body of [
      `{"query":"{ echo(value: \\"x\\") }","extensions":${deep(200_000)}}`,
      // 150,000 objects deep: as deep as fits in the 1 MB body bound.
      `{"query":"{ echo(value: \\"x\\") }","x":${'{"a":'.repeat(150_000)}1${'}'.repeat(150_000)}}`,
    ]) {
      const res = await post(body, token);
      expect(res).toEqual({
        status: 400,
        json: {
          errors: [
            { errorType: 'MalformedHttpRequestException', message: `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.` },
          ],
        },
      });
    }
    // And the runtime serves on.
    expect(await post(JSON.stringify({ query: '{ echo(value: "after") }' }), token)).toEqual({ status: 200, json: { data: { echo: 'after' } } });
  });
});
