// An environment's proxy: the default (HTTPS_PROXY / NO_PROXY when set; in the desktop app, otherwise the
// system's), none, an address with its exceptions, a PAC file (address or script), or the system's.
// The proxy password is a secret like any other: typed here, sealed by main, then only replaced.
import type { Environment, SecretValue } from '../../../../shared/contract';
import { host } from '../../api/client';
import { SecretField } from './AuthEditor';
import type { WithSecretInputs } from './request-draft';

export type EditedProxy = WithSecretInputs<Environment['proxy']>;
type Mode = EditedProxy['mode'];

const unset: SecretValue = { secret: true, set: false };

const modeLabels: Record<Mode, string> = {
  default: host === 'desktop' ? "Default (HTTPS_PROXY when set, else the system's)" : 'Default (HTTPS_PROXY / NO_PROXY when set)',
  none: 'No proxy',
  url: 'A proxy address',
  pac: 'A PAC file',
  system: host === 'desktop' ? "The system's proxy" : "The system's proxy (desktop app only)",
};

function switchTo(mode: Mode, current: EditedProxy): EditedProxy {
  const credentials = 'username' in current ? { username: current.username, password: current.password } : { username: '', password: unset };
  switch (mode) {
    case 'default':
    case 'none':
      return { mode };
    case 'url':
      return { mode, url: '', noProxy: '', ...credentials };
    case 'pac':
      return { mode, pacUrl: '', pacScript: '', ...credentials };
    case 'system':
      return { mode, ...credentials };
  }
}

export function ProxyEditor({ proxy, onChange }: { proxy: EditedProxy; onChange: (proxy: EditedProxy) => void }) {
  return (
    <div className="proxy-editor">
      <label className="field">
        <span className="field-label">Proxy</span>
        <select className="select" aria-label="Proxy" value={proxy.mode} onChange={(event) => onChange(switchTo(event.target.value as Mode, proxy))}>
          {(Object.keys(modeLabels) as Mode[]).map((mode) => (
            <option key={mode} value={mode}>
              {modeLabels[mode]}
            </option>
          ))}
        </select>
      </label>
      {proxy.mode === 'url' && (
        <div className="detail-pair">
          <label className="field">
            <span className="field-label">Proxy address</span>
            <input className="input mono" value={proxy.url} placeholder="http://proxy.example.com:8080" onChange={(event) => onChange({ ...proxy, url: event.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">Reached directly (NO_PROXY)</span>
            <input className="input mono" value={proxy.noProxy} placeholder="localhost, .internal.example.com" onChange={(event) => onChange({ ...proxy, noProxy: event.target.value })} />
          </label>
        </div>
      )}
      {proxy.mode === 'pac' && (
        <>
          <label className="field">
            <span className="field-label">PAC file address</span>
            <input className="input mono" value={proxy.pacUrl} placeholder="http://wpad.example.com/proxy.pac" onChange={(event) => onChange({ ...proxy, pacUrl: event.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">or its script (used first when given)</span>
            <textarea className="input mono" rows={3} value={proxy.pacScript} placeholder="function FindProxyForURL(url, host) { … }" onChange={(event) => onChange({ ...proxy, pacScript: event.target.value })} />
          </label>
        </>
      )}
      {(proxy.mode === 'url' || proxy.mode === 'pac' || proxy.mode === 'system') && (
        <div className="detail-pair">
          <label className="field">
            <span className="field-label">Proxy user (if it asks)</span>
            <input className="input mono" value={proxy.username} autoComplete="off" onChange={(event) => onChange({ ...proxy, username: event.target.value })} />
          </label>
          <SecretField label="Proxy password" value={proxy.password} onChange={(password) => onChange({ ...proxy, password })} />
        </div>
      )}
    </div>
  );
}
