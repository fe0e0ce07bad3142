/**
 * Test support for the local AppSync.
 * - `useLocalRuntime`: the whole runtime (DynamoDB Local, cognito-local, the app over TLS) for a test file;
 * - `bundlesFromCode`: resolver bundles from APPSYNC_JS code a test writes (ESM, `@aws-appsync/utils`
 *   external), in the shape `bundleResolvers()` returns.
 */
export { bundlesFromCode } from '../../packages/appsync-local/test/support/bundles.ts';
import { afterAll, beforeAll } from 'vitest';
import { Agent } from 'node:https';
import { httpsRequests, type HttpsRequests } from '../../packages/appsync-local/test/support/https.ts';
import { demoToken, startThrowawayRuntime, type LocalRuntime, type StartOptions } from '../../local/start.ts';
import { START_TIMEOUT_MS } from './timeouts.ts';

/**
 * A fully running local AppSync for one test file: DynamoDB Local (in memory) with the table,
 * cognito-local with the pool and the demo users, the app served over TLS on a random port.
 *
 *   const rt = useLocalRuntime();                       // top level of a test file
 *   const { gql } = graphqlClient(rt);                  // graphql.ts: how tests call the API
 *   it('...', async () => { await gql('max', QUERY, vars); });
 *
 * Pass `app` to swap the schema/resolvers (e.g. test resolvers from `bundlesFromCode`).
 */

/** `fetch` and `post` are the package's (its test/support/https.ts): HTTPS trusting the local CA. */
export interface RuntimeFixture extends HttpsRequests {
  runtime: LocalRuntime;
  /** An HTTPS agent trusting the local CA. */
  agent: Agent;
  /** A demo user's access token (what Amplify v6 sends), signed in against cognito-local. */
  token(email: string, kind?: 'accessToken' | 'idToken'): Promise<string>;
}

export function useLocalRuntime(opts: StartOptions = {}): RuntimeFixture {
  const fixture = {} as RuntimeFixture;
  beforeAll(async () => {
    const runtime = await startThrowawayRuntime(opts);
    const agent = new Agent({ ca: runtime.caCertPem, keepAlive: false });
    const tokens = new Map<string, string>();
    Object.assign(fixture, {
      runtime,
      agent,
      async token(email: string, kind: 'accessToken' | 'idToken' = 'accessToken') {
        const key = `${email}:${kind}`;
        if (!tokens.has(key)) tokens.set(key, await demoToken(runtime, email, kind));
        return tokens.get(key)!;
      },
      ...httpsRequests(runtime.server.port, agent),
    });
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    fixture.agent?.destroy();
    await fixture.runtime?.stop();
  });
  return fixture;
}
