/**
 * The local TLS chain: a local CA (made once, kept in `<dataDir>/tls/`) and a server certificate for
 * `localhost`, `127.0.0.1` and `::1` signed by it. aws-amplify v6 always uses `wss://` for the
 * real-time endpoint of a non-AWS host (docs/appsync-wire.md, "Real-time frames"), so the local AppSync must serve TLS.
 *
 * Node clients trust the chain with `NODE_EXTRA_CA_CERTS=<caCertPath>`; browsers by importing the CA.
 * The server certificate is reissued when it is missing, expires within 30 days, lacks a name, or was
 * not signed by the current CA; the CA is remade only when it is missing, unreadable or near expiry.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export interface LocalCertificates {
  caCertPath: string;
  caCertPem: string;
  /** The server's private key. */
  keyPem: string;
  /** The server certificate. */
  certPem: string;
}

const DAY_MS = 86_400_000;
const RENEW_BEFORE_MS = 30 * DAY_MS;
const CA_VALIDITY_DAYS = 3650;
/** Under the 825 days Apple accepts for certificates from a user-installed CA. */
const SERVER_VALIDITY_DAYS = 365;
export const SERVER_NAMES = { dns: ['localhost'], ip: ['127.0.0.1', '::1'] } as const;

function newKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; privatePem: string } {
  // Node's native generator (fast), handed to forge as PEM.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(privatePem) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), privatePem };
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f; // positive
  return bytes.toString('hex');
}

function baseCertificate(publicKey: forge.pki.PublicKey, now: Date, days: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  // Backdate a little so a client clock slightly behind still accepts it.
  cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
  cert.validity.notAfter = new Date(now.getTime() + days * DAY_MS);
  return cert;
}

function makeCa(now: Date): { certPem: string; keyPem: string } {
  const keys = newKeyPair();
  const cert = baseCertificate(keys.publicKey, now, CA_VALIDITY_DAYS);
  const subject = [
    { name: 'commonName', value: `Taskwire Local CA ${randomBytes(3).toString('hex')}` },
    { name: 'organizationName', value: 'Taskwire (local development)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem };
}

function makeServerCert(ca: forge.pki.Certificate, caKey: forge.pki.rsa.PrivateKey, now: Date): { certPem: string; keyPem: string } {
  const keys = newKeyPair();
  const cert = baseCertificate(keys.publicKey, now, SERVER_VALIDITY_DAYS);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  cert.setIssuer(ca.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [...SERVER_NAMES.dns.map((value) => ({ type: 2, value })), ...SERVER_NAMES.ip.map((ip) => ({ type: 7, ip }))],
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem };
}

const fresh = (cert: forge.pki.Certificate, now: Date) =>
  cert.validity.notBefore.getTime() <= now.getTime() + DAY_MS && cert.validity.notAfter.getTime() - now.getTime() > RENEW_BEFORE_MS;

/** The CA on disk when it is usable: readable, its key matches, not near expiry. */
function loadCa(certPath: string, keyPath: string, now: Date): { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } | undefined {
  if (!existsSync(certPath) || !existsSync(keyPath)) return undefined;
  try {
    const cert = forge.pki.certificateFromPem(readFileSync(certPath, 'utf8'));
    const key = forge.pki.privateKeyFromPem(readFileSync(keyPath, 'utf8')) as forge.pki.rsa.PrivateKey;
    const pub = cert.publicKey as forge.pki.rsa.PublicKey;
    if (pub.n.compareTo(key.n) !== 0 || !fresh(cert, now)) return undefined;
    return { cert, key };
  } catch {
    return undefined;
  }
}

/** The server certificate on disk when it is usable: signed by `ca`, fresh, naming every local host. */
function serverCertUsable(certPath: string, keyPath: string, ca: forge.pki.Certificate, now: Date): boolean {
  if (!existsSync(certPath) || !existsSync(keyPath)) return false;
  try {
    const cert = forge.pki.certificateFromPem(readFileSync(certPath, 'utf8'));
    const key = forge.pki.privateKeyFromPem(readFileSync(keyPath, 'utf8')) as forge.pki.rsa.PrivateKey;
    if ((cert.publicKey as forge.pki.rsa.PublicKey).n.compareTo(key.n) !== 0) return false;
    if (!fresh(cert, now) || !ca.verify(cert)) return false;
    const san = cert.getExtension('subjectAltName') as { altNames?: { value?: string; ip?: string }[] } | null;
    const names = new Set((san?.altNames ?? []).map((n) => n.ip ?? n.value));
    return [...SERVER_NAMES.dns, ...SERVER_NAMES.ip].every((n) => names.has(n));
  } catch {
    return false;
  }
}

function writeSecret(path: string, pem: string): void {
  writeFileSync(path, pem, { mode: 0o600 });
}

/**
 * Returns the local CA and a server certificate signed by it, creating or renewing what is needed.
 * `now` is for tests (renewal); it defaults to the current time.
 */
export function ensureLocalCertificates(dataDir: string, opts: { now?: Date } = {}): LocalCertificates {
  const now = opts.now ?? new Date();
  const dir = join(dataDir, 'tls');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caCertPath = join(dir, 'ca.cert.pem');
  const caKeyPath = join(dir, 'ca.key.pem');
  const certPath = join(dir, 'server.cert.pem');
  const keyPath = join(dir, 'server.key.pem');

  let ca = loadCa(caCertPath, caKeyPath, now);
  if (!ca) {
    const made = makeCa(now);
    writeSecret(caKeyPath, made.keyPem);
    writeFileSync(caCertPath, made.certPem);
    ca = { cert: forge.pki.certificateFromPem(made.certPem), key: forge.pki.privateKeyFromPem(made.keyPem) as forge.pki.rsa.PrivateKey };
  }
  if (!serverCertUsable(certPath, keyPath, ca.cert, now)) {
    const made = makeServerCert(ca.cert, ca.key, now);
    writeSecret(keyPath, made.keyPem);
    writeFileSync(certPath, made.certPem);
  }
  return {
    caCertPath,
    caCertPem: readFileSync(caCertPath, 'utf8'),
    keyPem: readFileSync(keyPath, 'utf8'),
    certPem: readFileSync(certPath, 'utf8'),
  };
}
