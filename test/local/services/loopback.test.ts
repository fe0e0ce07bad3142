/**
 * The local credentials are public (README, "Local credentials are not secrets"), so the servers that
 * check them listen on loopback only. Read from the kernel's table of listening sockets.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayRuntime, type LocalRuntime } from '../../../local/start.ts';

/** Local addresses of the TCP sockets listening on `port` (IPv4 and IPv6), as the kernel reports them. */
function listeningAddresses(port: number): string[] {
  const out: string[] = [];
  for (const [file, v6] of [['/proc/net/tcp', false], ['/proc/net/tcp6', true]] as const) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A: LISTEN
      const [hex, portHex] = local.split(':') as [string, string];
      if (parseInt(portHex, 16) !== port) continue;
      if (!v6) {
        out.push(hex.match(/../g)!.reverse().map((b) => parseInt(b, 16)).join('.'));
      } else {
        // Four little-endian 32-bit words.
        const words = hex.match(/.{8}/g)!.map((w) => w.match(/../g)!.reverse().join(''));
        out.push(words.join('').match(/.{4}/g)!.map((g) => g.replace(/^0+(?=.)/, '')).join(':'));
      }
    }
  }
  return out;
}

const LOOPBACK = ['127.0.0.1', '0:0:0:0:0:0:0:1'];

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startThrowawayRuntime();
}, 120_000);
afterAll(async () => runtime?.stop());

describe('local servers listen on loopback only', () => {
  it('the AppSync HTTPS/WSS server, cognito-local, s3rver and the event services (EventBridge, Scheduler, SNS, SES)', () => {
    const { graphql, cognito, s3, eventBridge, scheduler, sns, ses } = runtime.urls;
    for (const url of [graphql, cognito, s3, eventBridge, scheduler, sns, ses]) {
      const addresses = listeningAddresses(Number(new URL(url).port));
      expect(addresses.length, url).toBeGreaterThan(0);
      for (const a of addresses) expect(LOOPBACK, `${url} listens on ${a}`).toContain(a);
    }
  });
});
