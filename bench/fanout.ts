/**
 * Live-updates fan-out (TARGETS.md "Live updates"): one mutation reaches 1,000 subscriptions spread
 * over 50 WebSocket connections; p99 delivery latency ≤ 250 ms, measured from the mutation's response.
 *
 * Everything runs through the real local runtime over loopback: HTTPS mutations to the executor (API
 * key auth), `wss://…/graphql/realtime` with the AppSync protocol, real subscription resolvers setting
 * enhanced filters. Clients run in the same process as the server (2 shared cores), which makes the
 * figures pessimistic. Latency of each delivery = its arrival − the arrival of the mutation's HTTP
 * response (negative when the event beat the response: the executor publishes before it answers);
 * the figure from the request's start is printed too.
 *
 *   npx tsx bench/fanout.ts [--connections 50] [--per 20] [--rounds 20]
 */
import { request } from 'node:https';
import { pathToFileURL } from 'node:url';
import { WebSocket } from 'ws';
import { startStack } from './lib/stack.ts';

const TIME_LIMIT_MS = 120_000;
const API_KEY = 'da2-benchmarkbenchmarkbench';
const SUBSCRIPTION = 'subscription S($p: ID!) { onItem(projectId: $p) { id projectId title status version updatedAt } }';
const MUTATION = 'mutation M($p: ID!, $id: ID!, $t: String) { putItem(projectId: $p, id: $id, title: $t) { id projectId title status version updatedAt } }';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

function post(url: string, ca: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', ca, headers: { 'content-type': 'application/json', 'x-api-key': API_KEY } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function runFanout(): Promise<{ ok: boolean; p50: number; p99: number }> {
  const connections = arg('connections', 50);
  const perConnection = arg('per', 20);
  const rounds = arg('rounds', 20);
  const total = connections * perConnection;
  const deadline = setTimeout(() => {
    console.error(`fan-out benchmark: time limit of ${TIME_LIMIT_MS / 1000} s exceeded`);
    process.exit(2);
  }, TIME_LIMIT_MS);
  deadline.unref();

  const stack = await startStack({
    auth: { defaultMode: 'API_KEY', additionalModes: [], apiKeys: [{ id: API_KEY, expires: Math.floor(Date.now() / 1000) + 86_400 }] },
  });
  const host = new URL(stack.url).host;
  const header = Buffer.from(JSON.stringify({ host, 'x-api-key': API_KEY })).toString('base64url');
  const wsUrl = stack.url.replace('https://', 'wss://') + '/realtime';
  const sockets: WebSocket[] = [];
  // round → arrival times
  const arrivals = new Map<string, number[]>();
  try {
    await Promise.all(
      Array.from({ length: connections }, async (_, c) => {
        const ws = new WebSocket(wsUrl, ['graphql-ws', `header-${header}`], { ca: stack.caPem });
        sockets.push(ws);
        let acks = 0;
        await new Promise<void>((resolve, reject) => {
          ws.on('error', reject);
          ws.on('message', (raw) => {
            const now = performance.now();
            const text = raw.toString();
            if (text.startsWith('{"type":"data"')) {
              const id = /"id":"(r\d+)"/.exec(text.slice(text.indexOf('"onItem"')))?.[1];
              if (id) {
                const list = arrivals.get(id) ?? [];
                list.push(now);
                arrivals.set(id, list);
              }
              return;
            }
            const frame = JSON.parse(text) as { type: string; payload?: unknown };
            if (frame.type === 'connection_ack') {
              for (let i = 0; i < perConnection; i += 1) {
                const data = JSON.stringify({ query: SUBSCRIPTION, variables: { p: 'p1' } });
                ws.send(
                  JSON.stringify({ id: `c${c}s${i}`, type: 'start', payload: { data, extensions: { authorization: { host, 'x-api-key': API_KEY } } } }),
                );
              }
            } else if (frame.type === 'start_ack') {
              acks += 1;
              if (acks === perConnection) resolve();
            } else if (frame.type === 'error' || frame.type === 'connection_error') {
              reject(new Error(`subscription failed: ${text}`));
            }
          });
          ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init' })));
        });
      }),
    );
    if (stack.realtime.stats().subscriptions !== total) throw new Error(`expected ${total} subscriptions, have ${stack.realtime.stats().subscriptions}`);

    const fromResponse: number[] = [];
    const fromRequest: number[] = [];
    let missing = 0;
    const warmup = 3;
    for (let r = 0; r < warmup + rounds; r += 1) {
      const id = `r${r}`;
      const t0 = performance.now();
      const res = await post(stack.url, stack.caPem, JSON.stringify({ query: MUTATION, variables: { p: 'p1', id, t: `round ${r}` } }));
      const tResponse = performance.now();
      if (res.status !== 200 || res.text.includes('"errors"')) throw new Error(`mutation failed: ${res.status} ${res.text}`);
      const waitUntil = performance.now() + 5_000;
      while ((arrivals.get(id)?.length ?? 0) < total && performance.now() < waitUntil) await new Promise((f) => setTimeout(f, 2));
      const got = arrivals.get(id) ?? [];
      if (r < warmup) continue;
      missing += total - got.length;
      for (const t of got) {
        fromResponse.push(t - tResponse);
        fromRequest.push(t - t0);
      }
    }
    fromResponse.sort((a, b) => a - b);
    fromRequest.sort((a, b) => a - b);
    const p50 = percentile(fromResponse, 50);
    const p99 = percentile(fromResponse, 99);
    const ok = missing === 0 && p99 <= 250;
    const f = (n: number) => `${n.toFixed(1)} ms`;
    console.log(`fan-out: ${rounds} mutations × ${total} subscriptions over ${connections} connections (loopback, TLS, in-process clients)`);
    console.log(`  deliveries: ${fromResponse.length} of ${rounds * total}${missing ? ` (${missing} missing)` : ''}`);
    console.log(`  from the mutation's response: p50 ${f(p50)}  p99 ${f(p99)}  max ${f(fromResponse.at(-1) ?? NaN)}`);
    console.log(`  from the mutation's request:  p50 ${f(percentile(fromRequest, 50))}  p99 ${f(percentile(fromRequest, 99))}`);
    console.log(`  target p99 ≤ 250 ms from the response: ${ok ? 'met' : 'NOT met'}`);
    return { ok, p50, p99 };
  } finally {
    for (const ws of sockets) ws.terminate();
    await stack.close();
    clearTimeout(deadline);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await runFanout();
  if (!r.ok) process.exitCode = 1;
}
