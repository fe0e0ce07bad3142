/**
 * The cognito-local child process (started by cognito-local.ts): cognito-local's own server, assembled
 * as its `createDefaultServer` does, with two changes (docs/local-services.md):
 *
 * - its data store is `SafeJsonDataStore`, not StormDB: StormDB rewrites the whole file on every
 *   change with overlapping async writes, so concurrent sign-ins left a truncated file. Here writes to
 *   a file are serialised and atomic (temp file, fsync, rename), with the same JSON and dates.
 * - each user keeps only their latest MAX_REFRESH_TOKENS refresh tokens (cognito-local appends one per
 *   sign-in forever); older ones stop working, as revoked tokens do.
 * - the admin operations Taskwire's Admins API needs behave as Cognito documents them (AdminUserGlobalSignOut,
 *   ListUsers pages, disabled users refused): cognito-local-admin.ts.
 *
 * It tells the parent its port over IPC once it listens, and exits when its stdin closes: the parent holds the other end, so the child dies with it even when
 * the parent is SIGKILLed.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { DataStore } from 'cognito-local/lib/services/dataStore/dataStore.js';
import type { DataStoreFactory } from 'cognito-local/lib/services/dataStore/factory.js';
import type { UserPoolService, UserPoolServiceFactory } from 'cognito-local/lib/services/userPoolService.js';
import { withAdminTargets } from './cognito-local-admin.ts';

export const MAX_REFRESH_TOKENS = 20;

/** As cognito-local's StormDB store: keys ending in `Date` hold Dates, kept as ISO strings. */
function replaceDates(this: Record<string, unknown>, key: string, value: unknown): unknown {
  if (!key.endsWith('Date')) return value;
  const raw = this[key];
  return raw instanceof Date ? raw.toISOString() : value;
}

function reviveDates(key: string, value: unknown): unknown {
  if (!key.endsWith('Date')) return value;
  if (typeof value === 'number' || typeof value === 'string') return new Date(value);
  return value;
}

export function parseStore(text: string): Record<string, unknown> {
  const data = JSON.parse(text, reviveDates) as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not a JSON object');
  return data as Record<string, unknown>;
}

/** Writes `text` to `file` so that a reader only ever sees the old or the new content, whole. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, file);
  const dir = await open(dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

const path = (key: string | string[]) => (Array.isArray(key) ? key : [key]);

class SafeJsonDataStore implements DataStore {
  /** The next write not started yet: changes made before it starts are all in it. */
  private next: Promise<void> | null = null;
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private data: Record<string, unknown>,
  ) {}

  async get<T>(_ctx: Context, key: string | string[], defaultValue?: T): Promise<T | null> {
    let node: unknown = this.data;
    for (const k of path(key)) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined;
    // A copy: callers change what they get (storeRefreshToken pushes onto the list) before saving it.
    return node === undefined || node === null ? (defaultValue ?? null) : (structuredClone(node) as T);
  }

  async getRoot<T>(): Promise<T | null> {
    return structuredClone(this.data) as T;
  }

  async set<T>(_ctx: Context, key: string | string[], value: T): Promise<void> {
    const keys = path(key);
    let node = this.data;
    for (const k of keys.slice(0, -1)) {
      const child = node[k];
      node = (node[k] = child && typeof child === 'object' ? child : {}) as Record<string, unknown>;
    }
    node[keys[keys.length - 1]!] = structuredClone(value);
    await this.save();
  }

  async delete(_ctx: Context, key: string | string[]): Promise<void> {
    const keys = path(key);
    let node: unknown = this.data;
    for (const k of keys.slice(0, -1)) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined;
    if (node && typeof node === 'object') delete (node as Record<string, unknown>)[keys[keys.length - 1]!];
    await this.save();
  }

  /** Resolves once the data as it is now is on disk; one write at a time, later changes share the next. */
  save(): Promise<void> {
    if (this.next) return this.next;
    const write = this.last.then(() => {
      this.next = null;
      return writeFileAtomic(this.file, JSON.stringify(this.data, replaceDates, 2));
    });
    this.next = write;
    this.last = write.catch(() => undefined);
    return write;
  }

  /** Resolves when no write is pending. */
  flushed(): Promise<void> {
    return this.last;
  }
}

class SafeJsonDataStoreFactory implements DataStoreFactory {
  constructor(
    private readonly directory: string,
    private readonly stores: SafeJsonDataStore[],
  ) {}

  async create(_ctx: Context, id: string, defaults: object): Promise<DataStore> {
    await mkdir(this.directory, { recursive: true });
    const file = join(this.directory, `${id}.json`);
    let data: Record<string, unknown> = {};
    try {
      data = parseStore(await readFile(file, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(`cognito-local: ${file} is not readable (${(err as Error).message})`);
      }
    }
    // As StormDB's `default()`: an empty store takes the defaults.
    if (Object.keys(data).length === 0) data = structuredClone(defaults) as Record<string, unknown>;
    const store = new SafeJsonDataStore(file, data);
    this.stores.push(store);
    await store.save();
    return store;
  }
}

/** Keeps each user's latest refresh tokens only. */
function boundRefreshTokens(factory: UserPoolServiceFactory): UserPoolServiceFactory {
  return {
    async create(ctx, clients, defaults): Promise<UserPoolService> {
      const service = await factory.create(ctx, clients, defaults);
      const store = service.storeRefreshToken.bind(service);
      service.storeRefreshToken = (c, token, user) =>
        store(c, token, { ...user, RefreshTokens: (user.RefreshTokens ?? []).slice(-(MAX_REFRESH_TOKENS - 1)) });
      return service;
    },
  };
}

async function main(): Promise<void> {
  const require = createRequire(require_base());
  const pino = require('pino') as typeof import('pino').default;
  const pretty = require('pino-pretty') as (opts: object) => NodeJS.WritableStream;
  const { loadConfig } = require('cognito-local/lib/server/config.js') as typeof import('cognito-local/lib/server/config.js');
  const { createServer } = require('cognito-local/lib/server/server.js') as typeof import('cognito-local/lib/server/server.js');
  const { Router } = require('cognito-local/lib/server/Router.js') as typeof import('cognito-local/lib/server/Router.js');
  const lib = require('cognito-local/lib/services/index.js') as typeof import('cognito-local/lib/services/index.js');
  const { CognitoServiceFactoryImpl } = require('cognito-local/lib/services/cognitoService.js') as typeof import('cognito-local/lib/services/cognitoService.js');
  const { UserPoolServiceFactoryImpl } = require('cognito-local/lib/services/userPoolService.js') as typeof import('cognito-local/lib/services/userPoolService.js');
  const { CryptoService } = require('cognito-local/lib/services/crypto.js') as typeof import('cognito-local/lib/services/crypto.js');
  const { ConsoleMessageSender } = require('cognito-local/lib/services/messageDelivery/consoleMessageSender.js') as typeof import('cognito-local/lib/services/messageDelivery/consoleMessageSender.js');
  const { MessageDeliveryService } = require('cognito-local/lib/services/messageDelivery/messageDelivery.js') as typeof import('cognito-local/lib/services/messageDelivery/messageDelivery.js');
  const { otp } = require('cognito-local/lib/services/otp.js') as typeof import('cognito-local/lib/services/otp.js');
  const { JwtTokenGenerator } = require('cognito-local/lib/services/tokenGenerator.js') as typeof import('cognito-local/lib/services/tokenGenerator.js');
  const AWS = require('aws-sdk') as typeof import('aws-sdk');

  const logger = pino(
    { level: 'info' },
    pretty({ colorize: false, ignore: 'pid,name,hostname', singleLine: true }),
  );
  const stores: SafeJsonDataStore[] = [];
  const exit = (code: number) => void Promise.all(stores.map((s) => s.flushed())).then(() => process.exit(code));
  process.stdin.on('end', () => exit(0));
  process.stdin.on('close', () => exit(0));
  process.stdin.resume();
  process.on('SIGTERM', () => exit(0));
  process.on('SIGINT', () => exit(0));

  const ctx = { logger } as unknown as Context;
  const configDirectory = '.cognito';
  const dataDirectory = `${configDirectory}/db`;
  const config = await loadConfig(ctx, new SafeJsonDataStoreFactory(configDirectory, stores));
  const clock = new lib.DateClock();
  const dataStoreFactory = new SafeJsonDataStoreFactory(dataDirectory, stores);
  const cognito = await new CognitoServiceFactoryImpl(
    dataDirectory,
    dataStoreFactory,
    boundRefreshTokens(new UserPoolServiceFactoryImpl(clock, dataStoreFactory)),
  ).create(ctx, config.UserPoolDefaults);
  const triggers = new lib.TriggersService(
    clock,
    cognito,
    new lib.LambdaService(config.TriggerFunctions, new AWS.Lambda(config.LambdaClient)),
    new CryptoService(config.KMSConfig),
  );
  const services = {
    clock,
    cognito,
    config,
    messages: new lib.MessagesService(triggers, new MessageDeliveryService(new ConsoleMessageSender())),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
    triggers,
  };
  const errors = require('cognito-local/lib/errors.js') as typeof import('cognito-local/lib/errors.js');
  const { userToResponseObject } = require('cognito-local/lib/targets/responses.js') as typeof import('cognito-local/lib/targets/responses.js');
  const router = withAdminTargets(Router(services) as never, { cognito, errors, userToResponseObject: userToResponseObject as never, clock });
  const server = await createServer(router as never, logger as never, config.ServerConfig, services).start();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.ServerConfig.port;
  // PORT=0: the issuer cognito-local derived from it names port 0; tokens must name the real one.
  if (config.TokenConfig.IssuerDomain === `http://${config.ServerConfig.hostname}:0`) {
    config.TokenConfig.IssuerDomain = `http://${config.ServerConfig.hostname}:${port}`;
  }
  logger.info(`Cognito Local running on ${typeof address === 'object' && address ? `${address.address}:${address.port}` : address}`);
  // The parent (cognito-local.ts) waits for this message: the server listens, on this port.
  process.send?.({ listening: port });
}

/** cognito-local's own dependencies (pino, aws-sdk) are resolved from its folder. */
function require_base(): string {
  return createRequire(import.meta.url).resolve('cognito-local/package.json');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
