/**
 * What the stress parts talk to: one running local stack, reached only over loopback. The same shape
 * whether the stack runs in this process (vitest: test/support/runtime.ts) or as a child process that
 * `npm run stress` can SIGKILL (stress/stack.ts).
 */
import { Agent, request as httpsRequest } from 'node:https';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { signIn } from '../packages/appsync-local/src/services/cognito-local.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../packages/appsync-local/src/services/dynamodb-local.ts';
import { DEMO_USERS } from '../local/config.ts';

export interface StackInfo {
  /** The local AppSync's HTTPS port (host: localhost). */
  port: number;
  caCertPem: string;
  cognitoEndpoint: string;
  clientId: string;
  dynamoDbEndpoint: string;
  tableName: string;
  /** Optional local event endpoints (faults and reminders). */
  schedulerEndpoint?: string;
  scheduleGroupName?: string;
  sesEndpoint?: string;
}

export interface RawAnswer {
  status: number;
  body: string;
}

export interface Gql {
  data?: Record<string, any> | null;
  errors?: { errorType?: string | null; message: string; errorInfo?: any; path?: unknown }[];
}

/** A client of one stack: raw HTTPS, GraphQL as a demo user, and the table (for checkers only). */
export class Target {
  readonly agent: Agent;
  readonly db: DynamoDBDocumentClient;
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(public info: StackInfo) {
    this.agent = new Agent({ ca: info.caCertPem, keepAlive: true, maxSockets: 64 });
    const base = new DynamoDBClient({ endpoint: info.dynamoDbEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 5 });
    this.db = DynamoDBDocumentClient.from(base);
  }

  /** Points the client at a restarted stack (same ports; tokens stay valid: cognito-local keeps its keys). */
  update(info: StackInfo): void {
    this.info = info;
  }

  /** A demo user's access token (signed in once, then reused). */
  token(email: string): Promise<string> {
    let t = this.tokens.get(email);
    if (!t) {
      const user = DEMO_USERS.find((u) => u.email === email);
      if (!user) throw new Error(`no demo user ${email}`);
      t = signIn(this.info.cognitoEndpoint, this.info.clientId, email, user.password).then((x) => x.accessToken);
      t.catch(() => this.tokens.delete(email));
      this.tokens.set(email, t);
    }
    return t;
  }

  /** One raw HTTPS request; a transport failure resolves as status -1 (the body names the error). */
  send(req: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }, timeoutMs = 60_000): Promise<RawAnswer> {
    return new Promise((resolve) => {
      const r = httpsRequest(
        { host: 'localhost', port: this.info.port, path: req.path ?? '/graphql', method: req.method ?? 'POST', headers: req.headers, agent: this.agent, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (e) => resolve({ status: -1, body: String(e) }));
        },
      );
      r.on('timeout', () => r.destroy(new Error('timed out')));
      r.on('error', (e) => resolve({ status: -1, body: String(e) }));
      r.end(req.body);
    });
  }

  /** POST /graphql with `authorization`; the parsed answer (or null when the body is not JSON). */
  async post(authorization: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; json: Gql | null; body: string }> {
    const res = await this.send({
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    let json: Gql | null = null;
    try {
      json = JSON.parse(res.body) as Gql;
    } catch {
      json = null;
    }
    return { status: res.status, json, body: res.body };
  }

  /** GraphQL as a demo user. */
  async as(email: string, query: string, variables: Record<string, unknown> = {}) {
    return this.post(await this.token(email), query, variables);
  }

  /** The data of a call that must succeed (throws with the errors otherwise). */
  async must(email: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
    const r = await this.as(email, query, variables);
    if (r.status !== 200 || !r.json?.data || r.json.errors?.length) throw new Error(`${email}: ${query.slice(0, 70)}… failed: ${r.status} ${r.body.slice(0, 300)}`);
    return r.json.data;
  }

  close(): void {
    this.agent.destroy();
    this.db.destroy();
  }
}

/** The `sub` inside a JWT. */
export const subOf = (jwt: string): string => (JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string }).sub;

/** The demo users the load runs as (local/config.ts DEMO_USERS; seeded roles in local/seed.ts). */
export const ADMIN = DEMO_USERS.find((u) => u.demoProjectRole === 'ADMIN')!.email;
export const MEMBER = DEMO_USERS.find((u) => u.demoProjectRole === 'MEMBER')!.email;
export const VIEWER = DEMO_USERS.find((u) => u.demoProjectRole === 'VIEWER')!.email;
export const OUTSIDER = DEMO_USERS.find((u) => u.demoProjectRole === null)!.email;
