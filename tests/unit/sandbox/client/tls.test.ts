import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { generate } from 'selfsigned';
import { beforeAll, describe, expect, it } from 'vitest';
import { RequestDraftInput, type SendOutcome } from '../../../../src/shared/contract';
import { createHttpService } from '../../../../src/main/platform/http';
import { send, type SendDeps, type SendInput } from '../../../../src/main/sandbox/send/send';
import { BodyCache } from '../../../../src/main/sandbox/store/body-cache';
import { saveEnvironment } from '../../../../src/main/sandbox/store/environments';
import { workspaceIdOf } from '../../../../src/main/workspace/secrets';
import { tempDir } from '../../../helpers/temp';
import { environmentInput, sandboxWorkspace } from './fixtures';
import { listen } from './servers';

const DAY = 24 * 60 * 60 * 1000;
const ISSUER = [
  { name: 'commonName', value: 'Crosswalk Test CA' },
  { name: 'organizationName', value: 'Crosswalk Tests' },
];

let ca: { cert: string; key: string };
let client: { cert: string; key: string };
const ports: Record<'trusted' | 'selfSigned' | 'expired' | 'wrongHost' | 'mutual', number> = { trusted: 0, selfSigned: 0, expired: 0, wrongHost: 0, mutual: 0 };

const hostNames = (...names: string[]) => ({
  name: 'subjectAltName' as const,
  altNames: names.map((name) => (/^\d/.test(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name })),
});

async function leaf(commonName: string, names: string[], options: { notBeforeDate?: Date; notAfterDate?: Date; clientAuth?: boolean } = {}) {
  const made = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca,
    notBeforeDate: options.notBeforeDate,
    notAfterDate: options.notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: !options.clientAuth, clientAuth: Boolean(options.clientAuth) },
      hostNames(...names),
    ],
  });
  return { cert: made.cert, key: made.private };
}

const ok = (_request: unknown, response: { end(text: string): void }) => response.end('trusted');

beforeAll(async () => {
  const authority = await generate(ISSUER, { keyType: 'ec', algorithm: 'sha256', extensions: [{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true }] });
  ca = { cert: authority.cert, key: authority.private };
  const selfSigned = await generate([{ name: 'commonName', value: 'self.test' }], { keyType: 'ec', algorithm: 'sha256', extensions: [hostNames('localhost', '127.0.0.1')] });
  ports.trusted = await listen(https.createServer(await leaf('localhost', ['localhost', '127.0.0.1']), ok));
  ports.selfSigned = await listen(https.createServer({ cert: selfSigned.cert, key: selfSigned.private }, ok));
  ports.expired = await listen(https.createServer(await leaf('old.test', ['127.0.0.1'], { notBeforeDate: new Date(Date.now() - 30 * DAY), notAfterDate: new Date(Date.now() - DAY) }), ok));
  ports.wrongHost = await listen(https.createServer(await leaf('api.other.test', ['api.other.test']), ok));
  client = await leaf('analyst', ['analyst.test'], { clientAuth: true });
  ports.mutual = await listen(
    https.createServer({ ...(await leaf('localhost', ['127.0.0.1'])), ca: ca.cert, requestCert: true, rejectUnauthorized: true }, (request, response) => {
      response.end(`hello ${(request.socket as import('node:tls').TLSSocket).getPeerCertificate().subject.CN}`);
    }),
  );
});

function setup() {
  const { store, systemId, redactor } = sandboxWorkspace();
  const deps: SendDeps = { store, cache: new BodyCache(path.join(tempDir(), 'cache'), workspaceIdOf(store.workspace)), http: createHttpService({ env: {} }), redactor };
  const environment = (tls: Record<string, unknown>) => saveEnvironment(store, environmentInput({ systemId, name: `env ${Math.random()}`, kind: 'sandbox', tls })).id;
  const get = (port: number, environmentId: number | null = null): Promise<SendOutcome> => {
    const draft = RequestDraftInput.parse({ systemId, method: 'GET', url: `https://127.0.0.1:${port}/` }) as unknown as Extract<SendInput['request'], { draft: unknown }>['draft'];
    return send(deps, { request: { draft }, environmentId, variables: {}, confirmProduction: false });
  };
  return { get, environment };
}

const message = (outcome: SendOutcome) => (outcome.outcome === 'failed' ? `${outcome.failure.kind}: ${outcome.failure.message}` : `answered ${JSON.stringify(outcome)}`);
const body = (outcome: SendOutcome) => (outcome.outcome === 'response' ? outcome.result.preview.text : message(outcome));

describe('TLS per environment', () => {
  it('names the unknown issuer to add, and trusts the server once its CA is the environment’s', async () => {
    const { get, environment } = setup();
    expect(message(await get(ports.trusted))).toBe(
      `tls: The TLS certificate of 127.0.0.1:${ports.trusted} (CN=localhost) was issued by CN=Crosswalk Test CA, O=Crosswalk Tests, which is not a trusted CA: add that CA's certificate to the trusted ones.`,
    );
    const trusting = environment({ caPem: ca.cert });
    const answered = await get(ports.trusted, trusting);
    expect(body(answered)).toBe('trusted');
    expect(answered.outcome === 'response' && answered.result.timings.tls).toBeGreaterThan(0);
  });

  it('refuses a self-signed certificate with its sentence, and accepts it with the switch', async () => {
    const { get, environment } = setup();
    expect(message(await get(ports.selfSigned))).toBe(
      `tls: The TLS certificate of 127.0.0.1:${ports.selfSigned} (CN=self.test) is self-signed, so no trusted CA vouches for it: add it as a trusted CA certificate, or accept self-signed certificates for this environment.`,
    );
    expect(body(await get(ports.selfSigned, environment({ acceptSelfSigned: true })))).toBe('trusted');
  });

  it('says when a certificate has expired, even with self-signed accepted', async () => {
    const { get, environment } = setup();
    for (const settings of [{ caPem: ca.cert }, { acceptSelfSigned: true }]) {
      expect(message(await get(ports.expired, environment(settings)))).toMatch(
        new RegExp(`^tls: The TLS certificate of 127\\.0\\.0\\.1:${ports.expired} \\(CN=old\\.test\\) expired on .+ GMT: the server must renew it \\(or check this computer's clock\\)\\.$`),
      );
    }
  });

  it('says which host names a certificate is for', async () => {
    const { get, environment } = setup();
    expect(message(await get(ports.wrongHost, environment({ caPem: ca.cert })))).toBe(
      `tls: The TLS certificate of 127.0.0.1:${ports.wrongHost} is for api.other.test, not for 127.0.0.1: use one of those names in the address, or have the certificate issued for 127.0.0.1.`,
    );
  });

  it('offers the environment’s client certificate, PEM or PFX with its passphrase', async () => {
    const { get, environment } = setup();
    expect(message(await get(ports.mutual, environment({ caPem: ca.cert })))).toMatch(/^tls: 127\.0\.0\.1:\d+ refused the TLS handshake \(.+\), most likely over the client certificate: give the environment the client certificate the server expects\.$/);
    expect(body(await get(ports.mutual, environment({ caPem: ca.cert, clientCert: { kind: 'pem', certPem: client.cert, keyPem: client.key, passphrase: '' } })))).toBe('hello analyst');

    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'client.pem'), `${client.cert}\n${client.key}`);
    execFileSync('openssl', ['pkcs12', '-export', '-in', 'client.pem', '-out', 'client.pfx', '-passout', 'pass:pfx-pass'], { cwd: dir, stdio: 'ignore' });
    const pfxBase64 = fs.readFileSync(path.join(dir, 'client.pfx')).toString('base64');
    expect(body(await get(ports.mutual, environment({ caPem: ca.cert, clientCert: { kind: 'pfx', pfxBase64, passphrase: 'pfx-pass' } })))).toBe('hello analyst');
    expect(message(await get(ports.mutual, environment({ caPem: ca.cert, clientCert: { kind: 'pfx', pfxBase64, passphrase: 'wrong' } })))).toMatch(
      /^tls: The client certificate for 127\.0\.0\.1:\d+ could not be used \(.+\): check the certificate, its key and the passphrase\.$/,
    );
  });
});
