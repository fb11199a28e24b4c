// The request bar (method, URL with {{variables}}, Send or Cancel, Save) and the request's parts in tabs:
// query parameters, headers, body, authentication, settings. Variables nothing gives a value to are named
// under the bar before anything is sent.
import { useState } from 'react';
import { httpMethods } from '../../../../shared/contract';
import { CodeView } from '../../components/CodeView';
import { SendIcon } from '../../components/icons';
import { TabList, tabPanelProps } from '../../components/TabList';
import { AuthEditor, type TokenStatusProps } from './AuthEditor';
import { KeyValueEditor } from './KeyValueEditor';
import type { EditorDraft } from './request-draft';

const requestTabs = ['params', 'headers', 'body', 'auth', 'settings'] as const;
type RequestTab = (typeof requestTabs)[number];
const tabLabels: Record<RequestTab, string> = { params: 'Params', headers: 'Headers', body: 'Body', auth: 'Auth', settings: 'Settings' };

const bodyKinds = ['none', 'json', 'text', 'form-urlencoded'] as const;
const bodyKindLabels: Record<(typeof bodyKinds)[number], string> = { none: 'No body', json: 'JSON', text: 'Text', 'form-urlencoded': 'Form (URL-encoded)' };

const commonHeaders = ['Accept', 'Content-Type', 'Authorization', 'Cache-Control', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'Prefer', 'User-Agent', 'X-Request-Id'];

interface RequestEditorProps {
  draft: EditorDraft;
  onChange: (draft: EditorDraft) => void;
  /** Variable names the chosen environment gives values to (offered under the bar). */
  variables: readonly string[];
  unresolved: readonly string[];
  sending: boolean;
  onSend: () => void;
  onCancel: () => void;
  onSave: () => void;
  dirty: boolean;
  token?: TokenStatusProps;
  /** A cURL command pasted into the URL field becomes the request. */
  onPasteCurl: (text: string) => void;
  onCopyCurl: (includeSecrets: boolean) => void;
}

const blankRow = () => ({ name: '', value: '', enabled: true, secret: false });

export function RequestEditor({ draft, onChange, variables, unresolved, sending, onSend, onCancel, onSave, dirty, token, onPasteCurl, onCopyCurl }: RequestEditorProps) {
  const [tab, setTab] = useState<RequestTab>('params');
  const set = (changes: Partial<EditorDraft>) => onChange({ ...draft, ...changes });
  const counts: Partial<Record<RequestTab, number>> = {
    params: draft.query.filter((row) => row.enabled).length,
    headers: draft.headers.filter((row) => row.enabled).length,
  };

  return (
    <section className="request-editor" aria-label="Request">
      <form
        className="request-bar"
        onSubmit={(event) => {
          event.preventDefault();
          if (!sending) onSend();
        }}
      >
        <select className="select request-method" aria-label="Method" value={draft.method} onChange={(event) => set({ method: event.target.value as EditorDraft['method'] })}>
          {httpMethods.map((method) => (
            <option key={method}>{method}</option>
          ))}
        </select>
        <input
          className="input mono request-url"
          aria-label="URL"
          spellCheck={false}
          value={draft.url}
          onChange={(event) => set({ url: event.target.value })}
          onPaste={(event) => {
            const text = event.clipboardData.getData('text');
            if (!/^\s*curl(\.exe)?\s/i.test(text)) return;
            event.preventDefault();
            onPasteCurl(text);
          }}
          placeholder="{{baseUrl}}/customers/{{customerId}}, or paste a cURL command"
        />
        {sending ? (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="submit" className="btn btn-primary">
            <SendIcon size={14} /> Send
          </button>
        )}
        <button type="button" className="btn" onClick={onSave}>
          {dirty ? 'Save…' : 'Save as…'}
        </button>
        <details className="request-more">
          <summary className="btn" aria-label="More actions">
            ⋯
          </summary>
          <div className="request-more-menu">
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => onCopyCurl(false)}>
              Copy as cURL (secrets as ***)
            </button>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => onCopyCurl(true)}>
              Copy as cURL with secrets
            </button>
          </div>
        </details>
      </form>
      {(unresolved.length > 0 || variables.length > 0) && (
        <div className="request-variables">
          {unresolved.length > 0 && (
            <span className="request-unresolved" role="status">
              No value for {unresolved.map((name) => `{{${name}}}`).join(', ')}: give it in the environment, or it is sent as typed.
            </span>
          )}
          {variables.length > 0 && (
            <span className="request-known">
              Variables:{' '}
              {variables.map((name) => (
                <button key={name} type="button" className="chip mono" title={`Append {{${name}}} to the URL`} onClick={() => set({ url: `${draft.url}{{${name}}}` })}>
                  {`{{${name}}}`}
                </button>
              ))}
            </span>
          )}
        </div>
      )}
      <TabList
        tabs={requestTabs}
        current={tab}
        onSelect={setTab}
        label="Request parts"
        idPrefix="request"
        render={(part) => (
          <>
            {tabLabels[part]}
            {counts[part] ? <span className="tab-count">{counts[part]}</span> : null}
            {part === 'body' && draft.body.kind !== 'none' ? <span className="tab-count">{bodyKindLabels[draft.body.kind as (typeof bodyKinds)[number]] ?? draft.body.kind}</span> : null}
          </>
        )}
      />
      <div className="request-part" {...tabPanelProps('request', tab)}>
        {tab === 'params' && <KeyValueEditor rows={draft.query} onChange={(query) => set({ query })} blank={blankRow} noun="Query parameter" />}
        {tab === 'headers' && <KeyValueEditor rows={draft.headers} onChange={(headers) => set({ headers })} blank={blankRow} noun="Header" nameHints={commonHeaders} />}
        {tab === 'body' && <BodyEditor draft={draft} set={set} />}
        {tab === 'auth' && <AuthEditor auth={draft.auth} onChange={(auth) => set({ auth })} allowInherit token={token} />}
        {tab === 'settings' && (
          <div className="request-settings">
            <label className="choice">
              <input type="checkbox" checked={draft.settings.followRedirects} onChange={(event) => set({ settings: { ...draft.settings, followRedirects: event.target.checked } })} />
              Follow redirects (each hop is shown)
            </label>
            <label className="field">
              <span className="field-label">Time-out (seconds)</span>
              <input
                className="input"
                type="number"
                min={1}
                max={3600}
                value={Math.round(draft.settings.timeoutMs / 1000)}
                onChange={(event) => set({ settings: { ...draft.settings, timeoutMs: Math.max(1, Number(event.target.value) || 30) * 1000 } })}
              />
            </label>
          </div>
        )}
      </div>
    </section>
  );
}

function BodyEditor({ draft, set }: { draft: EditorDraft; set: (changes: Partial<EditorDraft>) => void }) {
  const body = draft.body;
  const kind = body.kind;
  const choose = (next: (typeof bodyKinds)[number]) => {
    const text = body.kind === 'json' || body.kind === 'text' ? body.text : '';
    set({ body: next === 'none' ? { kind: 'none' } : next === 'form-urlencoded' ? { kind: next, fields: [] } : next === 'json' ? { kind: 'json', text } : { kind: 'text', text } });
  };
  return (
    <div className="body-editor">
      <div className="body-kinds" role="radiogroup" aria-label="Body">
        {bodyKinds.map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="body-kind" checked={kind === option} onChange={() => choose(option)} />
            {bodyKindLabels[option]}
          </label>
        ))}
        {kind === 'multipart' && <span className="muted">Multipart (edit it in a collection, or switch kind)</span>}
      </div>
      {(body.kind === 'json' || body.kind === 'text') && (
        <CodeView className="body-code" label="Request body" language={body.kind === 'json' ? 'json' : 'text'} value={body.text} onChange={(text) => set({ body: { ...body, text } })} />
      )}
      {body.kind === 'form-urlencoded' && <KeyValueEditor rows={body.fields} onChange={(fields) => set({ body: { ...body, fields } })} blank={blankRow} noun="Form field" />}
    </div>
  );
}
