// A request's (or an environment's) authentication: none, the environment's, basic, API key, bearer token
// or OAuth 2.0. Secrets (passwords, keys, tokens, client secrets) are typed here and sealed by main; once
// stored they read "stored" and can only be replaced.
import { useEffect, useState } from 'react';
import type { Auth, OAuthTokenState, SecretValue } from '../../../../shared/contract';
import { isSecretValue } from './KeyValueEditor';

import type { WithSecretInputs } from './request-draft';

type Secret = string | SecretValue;
/** Auth as the editor holds it: any secret may be a new plain value not sent yet. */
export type EditedAuth = WithSecretInputs<Auth>;

const unset: SecretValue = { secret: true, set: false };

const blankOf = (kind: EditedAuth['kind']): EditedAuth => {
  switch (kind) {
    case 'none':
    case 'inherit':
      return { kind };
    case 'basic':
      return { kind, username: '', password: unset };
    case 'apiKey':
      return { kind, in: 'header', name: 'X-API-Key', value: unset };
    case 'bearer':
      return { kind, token: unset, prefix: 'Bearer' };
    case 'oauth2':
      return { kind, grant: 'clientCredentials', tokenUrl: '', authUrl: '', clientId: '', clientSecret: unset, scope: '', audience: '', username: '', password: unset, clientAuth: 'basic' };
  }
};

const kindLabels: Record<EditedAuth['kind'], string> = {
  inherit: 'As the environment',
  none: 'None',
  basic: 'Basic (user and password)',
  apiKey: 'API key',
  bearer: 'Bearer token',
  oauth2: 'OAuth 2.0',
};

export function SecretField({ label, value, onChange }: { label: string; value: Secret; onChange: (value: Secret) => void }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {isSecretValue(value) && value.set ? (
        <span className="kv-stored">
          <span className="badge">stored, sealed</span>
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => onChange('')}>
            Replace
          </button>
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => onChange(unset)}>
            Clear
          </button>
        </span>
      ) : (
        <input className="input mono" type="password" autoComplete="off" value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value)} />
      )}
    </label>
  );
}

function TextField({ label, value, onChange, placeholder }: { label: string; value: string; onChange: (value: string) => void; placeholder?: string }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input className="input mono" value={value} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}

interface AuthEditorProps {
  auth: EditedAuth;
  onChange: (auth: EditedAuth) => void;
  /** An environment's own auth cannot inherit. */
  allowInherit: boolean;
  /** The OAuth 2.0 token's state, where the request has one (not for an environment's own editor). */
  token?: TokenStatusProps;
}

export function AuthEditor({ auth, onChange, allowInherit, token }: AuthEditorProps) {
  const kinds = (Object.keys(kindLabels) as EditedAuth['kind'][]).filter((kind) => allowInherit || kind !== 'inherit');
  return (
    <div className="auth-editor">
      <label className="field">
        <span className="field-label">Authentication</span>
        <select className="select" aria-label="Authentication" value={auth.kind} onChange={(event) => onChange(blankOf(event.target.value as EditedAuth['kind']))}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabels[kind]}
            </option>
          ))}
        </select>
      </label>
      {auth.kind === 'basic' && (
        <div className="auth-fields">
          <TextField label="User name" value={auth.username} onChange={(username) => onChange({ ...auth, username })} />
          <SecretField label="Password" value={auth.password} onChange={(password) => onChange({ ...auth, password })} />
        </div>
      )}
      {auth.kind === 'apiKey' && (
        <div className="auth-fields">
          <label className="field">
            <span className="field-label">Sent in</span>
            <select className="select" aria-label="Sent in" value={auth.in} onChange={(event) => onChange({ ...auth, in: event.target.value as 'header' | 'query' | 'cookie' })}>
              <option value="header">a header</option>
              <option value="query">the query</option>
              <option value="cookie">a cookie</option>
            </select>
          </label>
          <TextField label="Name" value={auth.name} onChange={(name) => onChange({ ...auth, name })} />
          <SecretField label="Key" value={auth.value} onChange={(value) => onChange({ ...auth, value })} />
        </div>
      )}
      {auth.kind === 'bearer' && (
        <div className="auth-fields">
          <SecretField label="Token" value={auth.token} onChange={(tokenValue) => onChange({ ...auth, token: tokenValue })} />
          <TextField label="Prefix" value={auth.prefix} onChange={(prefix) => onChange({ ...auth, prefix })} />
        </div>
      )}
      {auth.kind === 'oauth2' && (
        <div className="auth-fields">
          <label className="field">
            <span className="field-label">Grant</span>
            <select className="select" aria-label="Grant" value={auth.grant} onChange={(event) => onChange({ ...auth, grant: event.target.value as typeof auth.grant })}>
              <option value="clientCredentials">Client credentials</option>
              <option value="password">Password</option>
              <option value="authorizationCode">Authorization code with PKCE (opens the browser)</option>
            </select>
          </label>
          <TextField label="Token URL" value={auth.tokenUrl} onChange={(tokenUrl) => onChange({ ...auth, tokenUrl })} />
          {auth.grant === 'authorizationCode' && <TextField label="Authorization URL" value={auth.authUrl} onChange={(authUrl) => onChange({ ...auth, authUrl })} />}
          <TextField label="Client id" value={auth.clientId} onChange={(clientId) => onChange({ ...auth, clientId })} />
          <SecretField label="Client secret" value={auth.clientSecret} onChange={(clientSecret) => onChange({ ...auth, clientSecret })} />
          <TextField label="Scope" value={auth.scope} placeholder="space-separated" onChange={(scope) => onChange({ ...auth, scope })} />
          {auth.grant === 'password' && (
            <>
              <TextField label="User name" value={auth.username} onChange={(username) => onChange({ ...auth, username })} />
              <SecretField label="Password" value={auth.password} onChange={(password) => onChange({ ...auth, password })} />
            </>
          )}
          {token !== undefined && <TokenStatus {...token} />}
        </div>
      )}
      {auth.kind === 'inherit' && token !== undefined && token.inherited && <TokenStatus {...token} />}
    </div>
  );
}

export interface TokenStatusProps {
  state: OAuthTokenState | null;
  /** The auth is the environment's OAuth 2.0 (the request inherits it). */
  inherited: boolean;
  renewing: boolean;
  onRenew: () => void;
}

const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** "Token valid until 14:05 (in 42 min)" / "expired" / "no token yet", with a way to get a new one. */
export function TokenStatus({ state, inherited, renewing, onRenew }: TokenStatusProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  let text: string;
  let tone = '';
  if (!state) {
    text = 'No token yet: one is fetched on the first send, cached, and refreshed before it expires (and once after a 401).';
  } else if (!state.expiresAt) {
    text = `Token obtained at ${clock(state.obtainedAt)}; the server gave no expiry.`;
  } else if (Date.parse(state.expiresAt) > now) {
    const minutes = Math.max(1, Math.round((Date.parse(state.expiresAt) - now) / 60_000));
    text = `Token valid until ${clock(state.expiresAt)} (in ${minutes} min)${state.refreshable ? ', refreshed before it expires' : ''}.`;
    tone = ' is-valid';
  } else {
    text = `Token expired at ${clock(state.expiresAt)}: a new one is fetched on the next send.`;
    tone = ' is-expired';
  }
  return (
    <div className={`auth-token${tone}`} role="status">
      <span>
        {inherited ? "The environment's OAuth 2.0: " : ''}
        {text}
      </span>
      <button type="button" className="btn btn-sm" onClick={onRenew} disabled={renewing}>
        {renewing ? 'Getting a token…' : 'Get new token'}
      </button>
    </div>
  );
}
