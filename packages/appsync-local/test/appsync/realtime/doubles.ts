/**
 * Test doubles of the two things the real-time server is given besides its hub (the authenticator and
 * the executor's prepareSubscription), for the protocol tests only. The schema is the tracker
 * fixture's (fixtures/tracker.ts), so payload shaping, non-null rules and field auth are those of a
 * real API.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, Kind, parse, type GraphQLSchema, valueFromASTUntyped } from 'graphql';
import { TRACKER_SCHEMA } from '../../fixtures/tracker.ts';
import { Refusal } from '../../../src/appsync/auth/errors.ts';
import { createFieldAuthorizer } from '../../../src/appsync/graphql/authz.ts';
import {
  createHub,
  createRealtimeServer,
  type RealtimeAuthRequest,
  type RealtimeOptions,
  type RealtimeServer,
} from '../../../src/appsync/realtime/index.ts';
import type { AuthResult, Authenticator, PreparedSubscription, SubscriptionFilter } from '../../../src/appsync/types.ts';

export const schema: GraphQLSchema = buildSchema(TRACKER_SCHEMA);

/** Tokens the double accepts (as `Authorization`, or an API key as `x-api-key`). */
export function authFor(token: string): AuthResult | null {
  if (token.startsWith('user-')) {
    const sub = token.slice(5);
    return {
      mode: 'AMAZON_COGNITO_USER_POOLS',
      identity: { sub, issuer: 'test', username: sub, claims: {}, sourceIp: [], groups: null, defaultAuthStrategy: 'ALLOW' },
    };
  }
  if (token.startsWith('lambda-')) return { mode: 'AWS_LAMBDA', identity: { resolverContext: { project: token.slice(7) } } };
  return null;
}

export interface Behaviour {
  /** Requests the authenticator saw. */
  seen: RealtimeAuthRequest[];
  /** Set by a test: the enhanced / invalidation filter the "resolver" sets. */
  filter: SubscriptionFilter | null;
  invalidationFilter: SubscriptionFilter | null;
  /** Subscribers (by `sub`) the "resolver" refuses with util.unauthorized(). */
  refuse: Set<string>;
}

export interface Harness {
  url: string;
  rt: RealtimeServer;
  behaviour: Behaviour;
  logs: { level: string; message: string; details?: Record<string, unknown> }[];
  close(): Promise<void>;
}

export async function startHarness(opts: Partial<RealtimeOptions> & { authenticate?: Authenticator['authenticate'] } = {}): Promise<Harness> {
  const behaviour: Behaviour = { seen: [], filter: null, invalidationFilter: null, refuse: new Set() };
  const logs: Harness['logs'] = [];
  const log: RealtimeOptions['log'] = (level, message, details) => logs.push({ level, message, ...(details ? { details } : {}) });
  const { authenticate, ...options } = opts;
  const authenticator: Authenticator = {
    authenticate: authenticate ?? (async (req) => {
      behaviour.seen.push(req);
      const h = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v]));
      const token = typeof h.authorization === 'string' ? h.authorization : '';
      const auth = authFor(token);
      if (!auth) throw new Refusal('Valid authorization header not provided.');
      return auth;
    }),
  };
  const rt = createRealtimeServer({
    hub: createHub({ log }),
    schema,
    authorizer: createFieldAuthorizer(schema, 'AMAZON_COGNITO_USER_POOLS'),
    log,
    authenticator,
    async prepareSubscription({ query, variables, auth }): Promise<PreparedSubscription> {
      const document = parse(query);
      const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      if (!op || op.kind !== Kind.OPERATION_DEFINITION) throw new Error('no operation');
      const node = op.selectionSet.selections[0];
      if (!node || node.kind !== Kind.FIELD) throw new Error('no field');
      const field = node.name.value;
      const def = schema.getSubscriptionType()!.getFields()[field]!;
      const sub = (auth.identity as { sub?: string } | null)?.sub ?? '';
      if (behaviour.refuse.has(sub)) {
        throw {
          errors: [
            {
              path: [field],
              data: null,
              errorType: 'Unauthorized',
              errorInfo: null,
              locations: [{ line: 1, column: 1, sourceName: null }],
              message: `Not Authorized to access ${field} on type Subscription`,
            },
          ],
        };
      }
      const dir = def.astNode!.directives!.find((d) => d.name.value === 'aws_subscribe')!;
      const mutations = valueFromASTUntyped(dir.arguments![0]!.value) as string[];
      const args: Record<string, unknown> = {};
      for (const a of node.arguments ?? []) args[a.name.value] = valueFromASTUntyped(a.value, variables);
      return {
        subscriptionField: field,
        mutations,
        arguments: args,
        filter: behaviour.filter,
        invalidationFilter: behaviour.invalidationFilter,
        document,
        variables,
        auth,
      };
    },
    ...options,
  });
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => rt.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/graphql/realtime`,
    rt,
    behaviour,
    logs,
    async close() {
      await rt.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
