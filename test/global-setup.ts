/**
 * vitest global setup: one local CA for the whole test run. Every runtime a test file starts
 * (test/support/runtime.ts) serves a certificate from it, and every worker trusts it through
 * NODE_EXTRA_CA_CERTS (read when the worker process starts, so it is set here, before they fork).
 * That lets in-process Lambda functions reach the runtime over HTTPS with plain `fetch`, as they
 * would reach AppSync on AWS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLocalCertificates } from '../packages/appsync-local/src/services/tls.ts';

export default function setup(): () => void {
  const certDir = mkdtempSync(join(tmpdir(), 'taskwire-test-ca-'));
  const { caCertPath } = ensureLocalCertificates(certDir);
  process.env.TASKWIRE_CERT_DIR = certDir;
  process.env.NODE_EXTRA_CA_CERTS = caCertPath;
  return () => rmSync(certDir, { recursive: true, force: true });
}
