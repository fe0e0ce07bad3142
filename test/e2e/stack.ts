/**
 * The local stack for the browser tests, started as `npm start` starts it (local/start.ts, with the
 * demo project and the web client), on its own free ports and its own data folder, stopped with its
 * whole process group.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually } from '../support/eventually.ts';

const ROOT = resolve(import.meta.dirname, '../..');

async function free(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = createServer();
    s.once('error', () => ok(false));
    s.listen(port, '127.0.0.1', () => s.close(() => ok(true)));
  });
}

/** A base port whose next four are free too (AppSync, Cognito, DynamoDB, S3, web). */
async function freeBase(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const base = 21_000 + Math.floor(Math.random() * 20_000);
    let ok = true;
    for (let p = base; p < base + 5 && ok; p++) ok = await free(p);
    if (ok) return base;
  }
  throw new Error('no five free ports in a row');
}

export interface Stack {
  webUrl: string;
  graphqlUrl: string;
  outputs: any;
  log: () => string;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  // Developing the suite: TASKWIRE_E2E_OUTPUTS=<a running stack's outputs file> reuses that stack.
  const reuse = process.env.TASKWIRE_E2E_OUTPUTS;
  if (reuse) {
    const outputs = JSON.parse(readFileSync(reuse, 'utf8'));
    return { webUrl: outputs.custom.webUrl, graphqlUrl: outputs.data.url, outputs, log: () => '', stop: async () => undefined };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'taskwire-e2e-'));
  const outputsPath = join(dataDir, 'taskwire-outputs.json');
  const base = await freeBase();
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, PORT: String(base), TASKWIRE_DATA_DIR: dataDir, TASKWIRE_OUTPUTS: outputsPath, NODE_EXTRA_CA_CERTS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = async () => {
    if (!exited) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* gone */
      }
      await eventually(() => {
        if (!exited) throw new Error('stack still stopping');
      }, { timeoutMs: 30_000 }).catch(() => process.kill(-child.pid!, 'SIGKILL'));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await eventually(() => {
      if (exited) throw Object.assign(new Error(`npm start exited:\n${out}`), { fatal: true });
      if (!out.includes('Taskwire local runtime ready')) throw new Error(`not ready yet:\n${out.slice(-2000)}`);
    }, { timeoutMs: 240_000 });
  } catch (e) {
    await stop();
    throw e;
  }
  const outputs = JSON.parse(readFileSync(outputsPath, 'utf8'));
  return { webUrl: outputs.custom.webUrl, graphqlUrl: outputs.data.url, outputs, log: () => out, stop };
}
