// An environment's client certificate for servers that ask for one (mutual TLS): a PEM certificate with
// its key file, or a PFX / PKCS#12 file, each with its passphrase if it has one. The key and the PFX are
// read from files (a pasted key would lose its line breaks in a password field) and sealed by main.
import { useState } from 'react';
import type { Environment, SecretValue } from '../../../../shared/contract';
import { SecretField } from './AuthEditor';
import { isSecretValue } from './KeyValueEditor';
import type { WithSecretInputs } from './request-draft';

export type EditedClientCert = WithSecretInputs<Environment['tls']['clientCert']>;
type Secret = string | SecretValue;

const unset: SecretValue = { secret: true, set: false };

const kindLabels: Record<EditedClientCert['kind'], string> = { none: 'None', pem: 'PEM certificate and key file', pfx: 'PFX / PKCS#12 file' };

function blankOf(kind: EditedClientCert['kind']): EditedClientCert {
  if (kind === 'pem') return { kind, certPem: '', keyPem: unset, passphrase: unset };
  if (kind === 'pfx') return { kind, pfxBase64: unset, passphrase: unset };
  return { kind };
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** A secret read from a file: "stored, sealed" once saved, the file's name once chosen. */
function SecretFile({ label, value, chosen, accept, onFile }: { label: string; value: Secret; chosen: string | null; accept: string; onFile: (file: File) => Promise<void> }) {
  const stored = isSecretValue(value) && value.set;
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <span className="kv-stored">
        {chosen ? <span className="badge">{chosen}: sealed when saved</span> : stored ? <span className="badge">stored, sealed</span> : <span className="faint">none</span>}
        <input
          className="input"
          type="file"
          accept={accept}
          aria-label={label}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void onFile(file);
          }}
        />
      </span>
    </label>
  );
}

export function ClientCertEditor({ cert, onChange }: { cert: EditedClientCert; onChange: (cert: EditedClientCert) => void }) {
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className="client-cert-editor">
      <label className="field">
        <span className="field-label">Client certificate (when the server asks for one)</span>
        <select
          className="select"
          aria-label="Client certificate"
          value={cert.kind}
          onChange={(event) => {
            setChosen(null);
            onChange(blankOf(event.target.value as EditedClientCert['kind']));
          }}
        >
          {(Object.keys(kindLabels) as Array<EditedClientCert['kind']>).map((kind) => (
            <option key={kind} value={kind}>
              {kindLabels[kind]}
            </option>
          ))}
        </select>
      </label>
      {cert.kind === 'pem' && (
        <>
          <label className="field">
            <span className="field-label">Certificate (PEM)</span>
            <textarea className="input mono" rows={3} value={cert.certPem} placeholder="-----BEGIN CERTIFICATE-----" onChange={(event) => onChange({ ...cert, certPem: event.target.value })} />
          </label>
          <SecretFile
            label="Key file (PEM)"
            value={cert.keyPem}
            chosen={chosen}
            accept=".pem,.key"
            onFile={async (file) => {
              const keyPem = await file.text();
              setChosen(file.name);
              onChange({ ...cert, keyPem });
            }}
          />
        </>
      )}
      {cert.kind === 'pfx' && (
        <SecretFile
          label="PFX file"
          value={cert.pfxBase64}
          chosen={chosen}
          accept=".pfx,.p12"
          onFile={async (file) => {
            const pfxBase64 = await base64Of(file);
            setChosen(file.name);
            onChange({ ...cert, pfxBase64 });
          }}
        />
      )}
      {cert.kind !== 'none' && <SecretField label="Passphrase (if it has one)" value={cert.passphrase} onChange={(passphrase) => onChange({ ...cert, passphrase })} />}
    </div>
  );
}
