/**
 * What one message costs on Node's IPC channel (the one between the runtime and its resolver workers,
 * `serialization: 'json'`), by size, on both ends: the figures behind docs/local-runtime.md,
 * "Performance" (why a crossing per run, not fewer bytes). Messages carry JSON text inside a JSON
 * message, as the workers' do (ctx JSON: quotes the channel escapes once more); the child answers each with a reply of a fixed 1.5 KB. 20 in flight.
 *
 *   npx tsx bench/ipc.ts [--messages 20000]
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpuOf } from './lib/kit.ts';

interface Probe {
  id: number;
  payload?: string;
}

/** JSON text of about `size` characters shaped like a ctx member (keys, short strings, numbers). */
function jsonOfSize(size: number): string {
  const item = { id: '01M95TX7SGT57A253F8AWNFZ2B', title: 'Peer benchmark card', status: 'TODO', version: 1, labels: ['bench', 'peer'] };
  const items: (typeof item)[] = [];
  while (JSON.stringify(items).length < size) items.push(item);
  return JSON.stringify(items);
}

if (process.argv[2] === 'child') {
  const reply = jsonOfSize(1500);
  process.on('message', (m: Probe) => process.send!({ id: m.id, value: reply }));
  process.send!({ ready: true });
} else {
  const i = process.argv.indexOf('--messages');
  const total = i > 0 ? Number(process.argv[i + 1]) : 20_000;
  const child = fork(fileURLToPath(import.meta.url), ['child'], { serialization: 'json', execArgv: ['--import', 'tsx'] });
  // The child's start-up is not a message's cost: measured from its first message on.
  await new Promise<void>((ready) => child.once('message', () => ready()));
  console.log(`ipc: ${total} messages each way per size, 20 in flight; CPU per message (user + system):`);
  for (const size of [0, 1000, 4000, 8000, 16000]) {
    const payload = size === 0 ? undefined : jsonOfSize(size);
    const own0 = process.cpuUsage();
    const child0 = cpuOf(child.pid!);
    const t0 = performance.now();
    let sent = 0;
    let done = 0;
    await new Promise<void>((resolve) => {
      const send = () => child.send({ id: sent++, payload } satisfies Probe);
      const onReply = () => {
        done++;
        if (sent < total) send();
        if (done === total) {
          child.off('message', onReply);
          resolve();
        }
      };
      child.on('message', onReply);
      for (let k = 0; k < 20; k++) send();
    });
    const own = process.cpuUsage(own0);
    const childMs = cpuOf(child.pid!).ms - child0.ms;
    console.log(
      `  ${String(payload?.length ?? 0).padStart(6)} chars: sender ${((own.user + own.system) / total).toFixed(1)} µs, ` +
        `receiver ${((childMs * 1000) / total).toFixed(1)} µs; ${Math.round(total / ((performance.now() - t0) / 1000))} round trips/s`,
    );
  }
  child.kill();
}
