// One environment of a system: where requests go ({{baseUrl}}), its variables (secret ones sealed), the
// auth requests inherit, its TLS trust and its proxy. Production is marked so writes ask first, every time.
import { useState } from 'react';
import { environmentKinds, type Environment, type EnvironmentKind } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { DialogButtons, FormError, useDialogAction } from '../../components/dialog-action';
import { AuthEditor } from './AuthEditor';
import { ClientCertEditor } from './ClientCertEditor';
import { KeyValueEditor } from './KeyValueEditor';
import { ProxyEditor } from './ProxyEditor';
import type { WithSecretInputs } from './request-draft';
import { dialogWrite } from '../systems/dialog-write';
import { useApp } from '../../state/app-context';

type EditedEnvironment = WithSecretInputs<Omit<Environment, 'id' | 'cookies' | 'missingSecrets' | 'serverUrl'>> & { id?: number };

const kindLabels: Record<EnvironmentKind, string> = { sandbox: 'Sandbox', staging: 'Staging', production: 'Production (writes ask first)', mock: 'Mock', other: 'Other' };

interface EnvironmentDialogProps {
  systemId: number;
  /** Absent: a new environment. */
  environment?: Environment;
  onClose: () => void;
  onSaved: (environment: Environment) => void;
}

export function EnvironmentDialog({ systemId, environment, onClose, onSaved }: EnvironmentDialogProps) {
  const [edited, setEdited] = useState<EditedEnvironment>(() =>
    environment
      ? { id: environment.id, systemId, name: environment.name, kind: environment.kind, baseUrl: environment.baseUrl, variables: environment.variables, tls: environment.tls, proxy: environment.proxy, auth: environment.auth }
      : { systemId, name: '', kind: 'sandbox', baseUrl: '', variables: [], tls: { caPem: '', clientCert: { kind: 'none' }, acceptSelfSigned: false }, proxy: { mode: 'default' }, auth: { kind: 'none' } },
  );
  const { trackSave } = useApp();
  const { busy, error, run } = useDialogAction();
  const set = (changes: Partial<EditedEnvironment>) => setEdited((current) => ({ ...current, ...changes }));

  const save = () => run(async () => onSaved(await dialogWrite(trackSave, api['sandbox.saveEnvironment'](edited))));

  return (
    <Dialog
      title={environment ? `Environment ${environment.name}` : 'New environment'}
      subtitle="Where requests go, with what values and credentials. Secrets are sealed before they are stored."
      size="lg"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void save()}
      footer={<DialogButtons onCancel={onClose} busy={busy} submit="Save environment" disabled={edited.name.trim() === ''} />}
    >
      <div className="environment-form">
        {environment && environment.missingSecrets.length > 0 && (
          <p className="field-error" role="alert">
            This workspace was sealed on another machine: enter {environment.missingSecrets.join(', ')} again.
          </p>
        )}
        <div className="detail-pair">
          <label className="field">
            <span className="field-label">Name</span>
            <input className="input" value={edited.name} onChange={(event) => set({ name: event.target.value })} required />
          </label>
          <label className="field">
            <span className="field-label">Kind</span>
            <select className="select" aria-label="Kind" value={edited.kind} onChange={(event) => set({ kind: event.target.value as EnvironmentKind })}>
              {environmentKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {kindLabels[kind]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span className="field-label">Base URL ({'{{baseUrl}}'})</span>
          <input className="input mono" value={edited.baseUrl} placeholder="https://sandbox.example.com/v1" onChange={(event) => set({ baseUrl: event.target.value })} />
        </label>
        <h3 className="detail-heading">Variables</h3>
        <KeyValueEditor rows={edited.variables} onChange={(variables) => set({ variables })} blank={() => ({ name: '', value: '', enabled: true, secret: false })} noun="Variable" />
        <h3 className="detail-heading">Authentication requests inherit</h3>
        <AuthEditor auth={edited.auth} onChange={(auth) => set({ auth })} allowInherit={false} />
        <h3 className="detail-heading">TLS</h3>
        <label className="field">
          <span className="field-label">Extra CA certificates (PEM), trusted besides the system’s</span>
          <textarea className="input mono" rows={3} value={edited.tls.caPem} onChange={(event) => set({ tls: { ...edited.tls, caPem: event.target.value } })} placeholder="-----BEGIN CERTIFICATE-----" />
        </label>
        <label className="choice">
          <input type="checkbox" checked={edited.tls.acceptSelfSigned} onChange={(event) => set({ tls: { ...edited.tls, acceptSelfSigned: event.target.checked } })} />
          Accept certificates no CA vouches for (self-signed) in this environment
        </label>
        <ClientCertEditor cert={edited.tls.clientCert} onChange={(clientCert) => set({ tls: { ...edited.tls, clientCert } })} />
        <h3 className="detail-heading">Proxy (token calls use it too)</h3>
        <ProxyEditor proxy={edited.proxy} onChange={(proxy) => set({ proxy })} />
        <FormError error={error} />
      </div>
    </Dialog>
  );
}
