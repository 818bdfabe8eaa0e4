/**
 * Certificates for the fake MessageBird: a throw-away CA and a server certificate it signs for the
 * given names (rest.messagebird.com by default), generated at start so nothing secret is checked in.
 */
import { generate } from 'selfsigned';

/** A fresh CA and a server certificate (EC P-256, SHA-256) for `hostnames`, all PEM. */
export async function makeCertificate(hostnames: string[]): Promise<{ caPem: string; certPem: string; keyPem: string }> {
  const ca = await generate([{ name: 'commonName', value: 'Fake MessageBird Test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: hostnames[0] ?? 'rest.messagebird.com' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: hostnames.map((value) => ({ type: 2 as const, value })) },
    ],
  });
  return { caPem: ca.cert, certPem: leaf.cert, keyPem: leaf.private };
}
