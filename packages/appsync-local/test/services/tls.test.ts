import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { createServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureLocalCertificates, type LocalCertificates } from '../../src/services/tls.ts';

const dirs: string[] = [];
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'taskwire-tls-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function serve(certs: LocalCertificates): Promise<{ server: Server; port: number }> {
  const server = createServer({ key: certs.keyPem, cert: certs.certPem }, (_req, res) => res.end('ok'));
  await new Promise<void>((r) => server.listen(0, r)); // all interfaces, so ::1 works too where enabled
  return { server, port: (server.address() as AddressInfo).port };
}

/** GET over TLS trusting only `ca` (or Node's default store when undefined); resolves to the body or the TLS error code. */
function get(host: string, port: number, ca: string | undefined, servername?: string): Promise<string> {
  return new Promise((resolve) => {
    const req = request({ host, port, path: '/', method: 'GET', ...(ca ? { ca } : {}), ...(servername ? { servername } : {}), agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    req.end();
  });
}

describe('local TLS certificates', () => {
  it('serves https that a client trusting only the local CA accepts on localhost and 127.0.0.1', async () => {
    const certs = ensureLocalCertificates(dataDir());
    const { server, port } = await serve(certs);
    try {
      expect(await get('localhost', port, certs.caCertPem)).toBe('ok');
      expect(await get('127.0.0.1', port, certs.caCertPem)).toBe('ok');
      // Without the CA the chain does not verify; with it, a name not in the certificate does not either.
      expect(await get('127.0.0.1', port, undefined)).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER/);
      expect(await get('127.0.0.1', port, certs.caCertPem, 'example.com')).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    } finally {
      server.close();
    }
  });

  it('names localhost, 127.0.0.1 and ::1, is signed by the CA, and the CA is a CA', () => {
    const certs = ensureLocalCertificates(dataDir());
    const leaf = new X509Certificate(certs.certPem);
    const ca = new X509Certificate(certs.caCertPem);
    expect(leaf.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(ca.ca).toBe(true);
    expect(leaf.checkIP('::1')).toBe('::1');
  });

  it('is trusted by a Node process started with NODE_EXTRA_CA_CERTS', async () => {
    const certs = ensureLocalCertificates(dataDir());
    const { server, port } = await serve(certs);
    const run = (env: NodeJS.ProcessEnv) =>
      new Promise<string>((resolve) => {
        execFile(
          process.execPath,
          ['-e', `fetch('https://localhost:${port}/').then(r => r.text()).then(t => console.log(t), e => console.log('fail', e.cause?.code))`],
          { env },
          (_err, stdout) => resolve(stdout.trim()),
        );
      });
    try {
      const { NODE_EXTRA_CA_CERTS: _ignored, ...base } = process.env;
      expect(await run({ ...base, NODE_EXTRA_CA_CERTS: certs.caCertPath })).toBe('ok');
      expect(await run(base)).toMatch(/^fail/);
    } finally {
      server.close();
    }
  });

  it('reuses the CA and the certificate on the next call', () => {
    const dir = dataDir();
    const first = ensureLocalCertificates(dir);
    expect(ensureLocalCertificates(dir)).toEqual(first);
  });

  it('reissues the server certificate near expiry, keeping the CA', () => {
    const dir = dataDir();
    const first = ensureLocalCertificates(dir);
    const later = new Date(Date.now() + 340 * 86_400_000); // 25 days before the 365-day certificate ends
    const second = ensureLocalCertificates(dir, { now: later });
    expect(second.caCertPem).toBe(first.caCertPem);
    expect(second.certPem).not.toBe(first.certPem);
    expect(new Date(new X509Certificate(second.certPem).validTo).getTime()).toBeGreaterThan(later.getTime() + 300 * 86_400_000);
    // Shortly after, the renewed certificate is fresh: nothing changes.
    expect(ensureLocalCertificates(dir, { now: new Date(later.getTime() + 5 * 86_400_000) })).toEqual(second);
  });

  it('reissues the server certificate when the CA changed', async () => {
    const dir = dataDir();
    const first = ensureLocalCertificates(dir);
    unlinkSync(first.caCertPath); // CA gone: a new one is made
    const second = ensureLocalCertificates(dir);
    expect(second.caCertPem).not.toBe(first.caCertPem);
    expect(second.certPem).not.toBe(first.certPem);
    expect(new X509Certificate(second.certPem).checkIssued(new X509Certificate(second.caCertPem))).toBe(true);
    const { server, port } = await serve(second);
    try {
      expect(await get('localhost', port, second.caCertPem)).toBe('ok');
      expect(await get('localhost', port, first.caCertPem)).not.toBe('ok');
    } finally {
      server.close();
    }
  });
});
