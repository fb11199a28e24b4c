// What came back: status, time and size on one line, then the body (pretty-printed, foldable, searchable;
// only its first part crosses from main, the whole of it opens as a file), headers, cookies set, timings
// by phase and each redirect hop.
import { useState } from 'react';
import type { BodyPreview, CookieSet, RedirectHop, Timings } from '../../../../shared/contract';
import { CodeView, type CodeLanguage } from '../../components/CodeView';
import { TabList, tabPanelProps } from '../../components/TabList';
import { byteSize, duration } from './request-draft';

type Header = [name: string, value: string];

export interface ShownResponse {
  status: number;
  statusText: string;
  headers: readonly Header[];
  cookies: readonly CookieSet[];
  redirects: readonly RedirectHop[];
  timings: Timings;
  size: number;
  /** null: the body is no longer available (pruned from history, or the cache was cleared). */
  preview: BodyPreview | null;
  bodyId: string | null;
}

const responseTabs = ['body', 'headers', 'cookies', 'timings', 'redirects'] as const;
type ResponseTab = (typeof responseTabs)[number];
const tabLabels: Record<ResponseTab, string> = { body: 'Body', headers: 'Headers', cookies: 'Cookies', timings: 'Timings', redirects: 'Redirects' };

const statusTone = (status: number) => (status < 300 ? 'badge-success' : status < 400 ? 'badge-info' : status < 500 ? 'badge-warning' : 'badge-danger');

/** JSON is indented for reading; anything that does not parse is shown as it came. */
function pretty(preview: BodyPreview): { text: string; language: CodeLanguage } {
  if (preview.kind === 'json') {
    if (!preview.truncated) {
      try {
        return { text: JSON.stringify(JSON.parse(preview.text), null, 2), language: 'json' };
      } catch {
        return { text: preview.text, language: 'json' };
      }
    }
    return { text: preview.text, language: 'json' };
  }
  return { text: preview.text, language: preview.kind === 'xml' || preview.kind === 'html' ? 'xml' : 'text' };
}

const phases: Array<[keyof Timings, string]> = [
  ['dns', 'DNS lookup'],
  ['connect', 'Connect'],
  ['tls', 'TLS handshake'],
  ['firstByte', 'Waiting (first byte)'],
  ['download', 'Download'],
];

export function ResponseView({ response, onOpenBody, onSaveSample }: { response: ShownResponse; onOpenBody: (bodyId: string) => void; onSaveSample?: () => void }) {
  const [tab, setTab] = useState<ResponseTab>('body');
  const counts: Partial<Record<ResponseTab, number>> = { headers: response.headers.length, cookies: response.cookies.length, redirects: response.redirects.length };
  return (
    <section className="response-view" aria-label="Response">
      <div className="response-line">
        <span className={`badge response-status ${statusTone(response.status)}`}>
          {response.status} {response.statusText}
        </span>
        <span className="response-fact">
          <span className="faint">Time</span> {duration(response.timings.total)}
        </span>
        <span className="response-fact">
          <span className="faint">Size</span> {byteSize(response.size)}
        </span>
        {response.preview?.contentType && <span className="response-fact mono faint">{response.preview.contentType}</span>}
        {onSaveSample && (
          <button type="button" className="btn btn-sm response-action" onClick={onSaveSample}>
            Save as sample
          </button>
        )}
      </div>
      <TabList
        tabs={responseTabs}
        current={tab}
        onSelect={setTab}
        label="Response parts"
        idPrefix="response"
        render={(part) => (
          <>
            {tabLabels[part]}
            {counts[part] ? <span className="tab-count">{counts[part]}</span> : null}
          </>
        )}
      />
      <div className="response-part" {...tabPanelProps('response', tab)}>
        {tab === 'body' && <BodyPane response={response} onOpenBody={onOpenBody} />}
        {tab === 'headers' && <NameValueTable rows={response.headers} empty="No headers." />}
        {tab === 'cookies' &&
          (response.cookies.length === 0 ? (
            <p className="muted">No cookies set. Cookies are kept per environment, sealed; their values are never shown.</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Domain</th>
                  <th>Path</th>
                  <th>Expires</th>
                  <th>Flags</th>
                </tr>
              </thead>
              <tbody>
                {response.cookies.map((cookie) => (
                  <tr key={`${cookie.domain}${cookie.path}${cookie.name}`}>
                    <td className="mono">{cookie.name}</td>
                    <td className="mono">{cookie.domain}</td>
                    <td className="mono">{cookie.path}</td>
                    <td>{cookie.expires ?? 'session'}</td>
                    <td>{[cookie.httpOnly && 'HttpOnly', cookie.secure && 'Secure'].filter(Boolean).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        {tab === 'timings' && <TimingBars timings={response.timings} />}
        {tab === 'redirects' &&
          (response.redirects.length === 0 ? (
            <p className="muted">No redirects.</p>
          ) : (
            <ol className="redirect-hops">
              {response.redirects.map((hop, index) => (
                <li key={index} className="mono">
                  <span className={`badge ${statusTone(hop.status)}`}>{hop.status}</span> {hop.method} {hop.url} → {hop.location}
                </li>
              ))}
            </ol>
          ))}
      </div>
    </section>
  );
}

function BodyPane({ response, onOpenBody }: { response: ShownResponse; onOpenBody: (bodyId: string) => void }) {
  const preview = response.preview;
  if (!preview) return <p className="muted">Body no longer available: it was pruned from history, or the cache folder was cleared.</p>;
  if (response.size === 0) return <p className="muted">No body.</p>;
  const openWhole = response.bodyId && (
    <button type="button" className="btn btn-sm" onClick={() => onOpenBody(response.bodyId!)}>
      Open the whole body
    </button>
  );
  if (preview.kind === 'image' && preview.base64 && !preview.truncated)
    return (
      <div className="body-image">
        <img src={`data:${preview.contentType ?? 'image/png'};base64,${preview.text}`} alt="Response body" />
        {openWhole}
      </div>
    );
  if (preview.kind === 'binary' || preview.base64)
    return (
      <div className="body-note">
        <p className="muted">A binary body ({preview.contentType ?? 'no content type'}, {byteSize(response.size)}).</p>
        {openWhole}
      </div>
    );
  const { text, language } = pretty(preview);
  return (
    <div className="body-pane">
      {(preview.truncated || preview.decodingNote) && (
        <div className="body-note" role="note">
          {preview.truncated && <span>Showing the first {byteSize(preview.text.length)} of {byteSize(response.size)}.</span>}
          {preview.decodingNote && <span>{preview.decodingNote}</span>}
          {openWhole}
        </div>
      )}
      <CodeView className="body-code" label="Response body" language={language} value={text} />
    </div>
  );
}

function NameValueTable({ rows, empty }: { rows: readonly Header[]; empty: string }) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="data-table">
      <tbody>
        {rows.map(([name, value], index) => (
          <tr key={index}>
            <th scope="row" className="mono">
              {name}
            </th>
            <td className="mono">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TimingBars({ timings }: { timings: Timings }) {
  const total = timings.total ?? phases.reduce((sum, [key]) => sum + (timings[key] ?? 0), 0);
  const starts = phases.map((_, index) => phases.slice(0, index).reduce((sum, [key]) => sum + (timings[key] ?? 0), 0));
  // A connection kept from an earlier request: its DNS, connect and TLS phases happened then, not now.
  const reused = timings.connect === null;
  const missing = (key: keyof Timings) => (reused && (key === 'dns' || key === 'connect' || key === 'tls') ? 'connection reused' : 'did not happen');
  return (
    <table className="timing-table">
      <tbody>
        {phases.map(([key, label], index) => {
          const ms = timings[key];
          const start = starts[index]!;
          return (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="timing-bar-cell">
                {ms !== null && total > 0 && <span className="timing-bar" style={{ marginLeft: `${(start / total) * 100}%`, width: `${Math.max(0.5, (ms / total) * 100)}%` }} />}
              </td>
              <td className="timing-ms">{ms === null ? missing(key) : duration(ms)}</td>
            </tr>
          );
        })}
        <tr className="timing-total">
          <th scope="row">Total</th>
          <td />
          <td className="timing-ms">{duration(timings.total)}</td>
        </tr>
      </tbody>
    </table>
  );
}
