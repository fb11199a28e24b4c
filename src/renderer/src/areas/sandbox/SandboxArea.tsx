// Sandbox: probe a system's API Postman-style. Pick an operation of its catalogue (or a saved request, or a
// call from history), choose an environment, send — main does the sending (no browser CORS, secrets stay
// there) and answers metadata and a preview of the body, so a large response never freezes this screen.
import { useEffect, useRef, useState } from 'react';
import type { CatalogueOperation } from '../../../../shared/catalogue';
import type { Environment, HistoryEntrySummary, SavedRequest, SendOutcome, SystemSummary } from '../../../../shared/contract';
import { api, subscribe } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { DialogButtons, FormError, useDialogAction } from '../../components/dialog-action';
import { EmptyState } from '../../components/EmptyState';
import { SandboxIcon, SystemsIcon } from '../../components/icons';
import { Loading } from '../../components/Loading';
import { TabList, tabPanelProps } from '../../components/TabList';
import { Page } from '../../shell/Page';
import { areaById } from '../../shell/areas';
import { useSubRoute } from '../../shell/use-hash-route';
import { useApp } from '../../state/app-context';
import { useCall, useCallCache } from '../../state/queries';
import { errorMessage } from '../../state/save-state';
import { useStickyState } from '../../state/use-sticky-state';
import { CollectionActions } from './CollectionActions';
import { EnvironmentDialog } from './EnvironmentDialog';
import { MockControl } from './MockControl';
import { RequestEditor } from './RequestEditor';
import { ResponseView, type ShownResponse } from './ResponseView';
import { draftOf, emptyDraft, unresolvedVariables, variablesOf, writes, type EditedRequest, type EditorDraft } from './request-draft';
import { HistoryList, OperationList, SavedList } from './SandboxLists';
import { SamplesPanel, SaveSampleDialog } from './SamplesPanel';
import { dialogWrite } from '../systems/dialog-write';

const sideTabs = ['operations', 'saved', 'history', 'samples'] as const;
type SideTab = (typeof sideTabs)[number];
const sideLabels: Record<SideTab, string> = { operations: 'Operations', saved: 'Saved', history: 'History', samples: 'Samples' };

type Shown = { kind: 'response'; response: ShownResponse; historyId: number | null } | { kind: 'failure'; message: string; historyId: number | null } | null;

export function SandboxArea() {
  const { navigate } = useApp();
  const area = areaById('sandbox');
  const systems = useCall('systems.list', {});
  const [segments, go] = useSubRoute('sandbox');
  const routeId = segments[0] && /^\d+$/.test(segments[0]) ? Number(segments[0]) : null;
  const system = systems.data?.find((candidate) => candidate.id === routeId) ?? systems.data?.[0];

  if (systems.isLoading) return <Loading />;
  if (!system)
    return (
      <Page title={area.title} description={area.description}>
        <EmptyState
          icon={SandboxIcon}
          title="The sandbox is where you try the real APIs"
          actions={
            <button type="button" className="btn btn-primary" onClick={() => navigate('systems')}>
              <SystemsIcon /> Import a system first
            </button>
          }
        >
          <p>Requests are built from the operations of an imported OpenAPI document and sent to the environments its servers list.</p>
        </EmptyState>
      </Page>
    );
  return <SystemSandbox key={system.id} system={system} systems={systems.data ?? []} onSystem={(id) => go([String(id)])} />;
}

function SystemSandbox({ system, systems, onSystem }: { system: SystemSummary; systems: readonly SystemSummary[]; onSystem: (id: number) => void }) {
  const area = areaById('sandbox');
  const cache = useCallCache();
  const catalogue = useCall('systems.catalogue', { id: system.id });
  const environments = useCall('sandbox.environments', { systemId: system.id });
  const requests = useCall('sandbox.requests', { systemId: system.id });
  const [environmentId, setEnvironmentId] = useStickyState<number | null>(`sandbox.environment.${system.id}`, () => null);
  const [side, setSide] = useStickyState<SideTab>('sandbox.side', () => 'operations');
  const [edited, setEdited] = useStickyState<EditedRequest>(`sandbox.edited.${system.id}`, () => ({ savedId: null, draft: emptyDraft(system.id), dirty: false }));
  const [shown, setShown] = useState<Shown>(null);
  const [sending, setSending] = useState<AbortController | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'environment'; environment?: Environment } | { kind: 'save' } | { kind: 'confirm-production'; message: string } | { kind: 'sample'; historyId: number } | null>(null);
  const seeding = useRef(false);

  const environment = environments.data?.find((candidate) => candidate.id === environmentId) ?? environments.data?.[0];

  // An OAuth sign-in (authorization code) opens in a new tab; its redirect comes back to main.
  useEffect(
    () =>
      subscribe((event) => {
        if (event.name === 'sandbox.openUrl') window.open(event.payload.url, '_blank', 'noopener');
        if (event.name === 'sandbox.history') cache.invalidate('sandbox.history');
      }),
    [cache],
  );

  // A system nobody set up yet (no environment but its mock's) gets the environments its document's servers describe.
  useEffect(() => {
    if (!environments.data || environments.data.some((candidate) => candidate.kind !== 'mock') || seeding.current) return;
    seeding.current = true;
    void api['sandbox.seedEnvironments']({ systemId: system.id }).then(
      (seeded) => cache.set('sandbox.environments', { systemId: system.id }, seeded),
      (failure: unknown) => setNotice(errorMessage(failure)),
    );
  }, [environments.data, system.id, cache]);

  const edit = (draft: EditorDraft) => setEdited((current) => ({ ...current, draft, dirty: true }));

  const pickOperation = async (operation: CatalogueOperation) => {
    setNotice(null);
    try {
      const draft = await api['sandbox.draftFromOperation']({ systemId: system.id, operation: operation.id, ...(environment ? { environmentId: environment.id } : {}) });
      setEdited({ savedId: null, draft, dirty: false });
      setShown(null);
    } catch (failure) {
      setNotice(errorMessage(failure));
    }
  };

  const pickSaved = (request: SavedRequest) => {
    setEdited({ savedId: request.id, draft: draftOf(request), dirty: false });
    setShown(null);
  };

  const pickHistory = async (entry: HistoryEntrySummary) => {
    setNotice(null);
    try {
      const full = await api['sandbox.historyEntry']({ id: entry.id });
      if (full.draft) setEdited({ savedId: full.requestId, draft: full.draft, dirty: false });
      setShown(
        full.status === null
          ? { kind: 'failure', message: full.error ?? 'No response.', historyId: full.id }
          : {
              kind: 'response',
              historyId: full.id,
              response: { status: full.status, statusText: full.statusText ?? '', headers: full.headers, cookies: [], redirects: full.redirects, timings: full.timings, size: full.size ?? 0, preview: full.bodyAvailable ? full.preview : null, bodyId: full.bodyId },
            },
      );
    } catch (failure) {
      setNotice(errorMessage(failure));
    }
  };

  const show = (outcome: SendOutcome) => {
    switch (outcome.outcome) {
      case 'response':
        setShown({ kind: 'response', response: outcome.result, historyId: outcome.result.historyId });
        break;
      case 'failed':
        setShown({ kind: 'failure', message: outcome.failure.message, historyId: outcome.failure.historyId });
        break;
      case 'unresolved':
        setShown({ kind: 'failure', message: `Not sent: nothing gives a value to ${outcome.unresolved.map((name) => `{{${name}}}`).join(', ')}. Add it to the environment ${environment?.name ?? ''}.`, historyId: null });
        break;
      case 'needs-confirmation':
        setDialog({ kind: 'confirm-production', message: outcome.message });
        break;
    }
  };

  const send = async (confirmProduction = false) => {
    if (!confirmProduction && environment?.kind === 'production' && writes(edited.draft.method)) {
      setDialog({ kind: 'confirm-production', message: `${environment.name} is a production environment: ${edited.draft.method} may change real data.` });
      return;
    }
    const controller = new AbortController();
    setSending(controller);
    setNotice(null);
    try {
      const request = edited.savedId !== null && !edited.dirty ? { requestId: edited.savedId } : { draft: edited.draft };
      show(await api['sandbox.send']({ request, environmentId: environment?.id ?? null, confirmProduction }, { signal: controller.signal }));
    } catch (failure) {
      setShown({ kind: 'failure', message: controller.signal.aborted ? 'Cancelled: the request was stopped before an answer came.' : errorMessage(failure), historyId: null });
    } finally {
      setSending(null);
      cache.invalidate('sandbox.history');
      cache.invalidate('sandbox.oauthToken');
    }
  };

  const pasteCurl = async (text: string) => {
    setNotice(null);
    try {
      const pasted = await api['sandbox.parseCurl']({ systemId: system.id, text });
      setEdited({ savedId: null, draft: pasted.draft as EditorDraft, dirty: true });
      setShown(null);
      const notes = [...pasted.notes, ...(pasted.insecure ? ['-k (insecure): switch on "accept self-signed" in the environment instead.'] : [])];
      setNotice(`Read the pasted cURL command.${notes.length ? ` ${notes.join(' ')}` : ''}`);
    } catch (failure) {
      setNotice(errorMessage(failure));
    }
  };

  const copyCurl = async (includeSecrets: boolean) => {
    try {
      const request = edited.savedId !== null && !edited.dirty ? { requestId: edited.savedId } : { draft: edited.draft };
      const copied = await api['sandbox.copyCurl']({ request, environmentId: environment?.id ?? null, includeSecrets });
      await navigator.clipboard.writeText(copied.text);
      setNotice(
        `Copied as cURL${includeSecrets ? ', secrets included: paste it only where they may be seen' : ', secrets as ***'}.${copied.unresolved.length ? ` No value for ${copied.unresolved.map((name) => `{{${name}}}`).join(', ')}.` : ''}`,
      );
    } catch (failure) {
      setNotice(errorMessage(failure));
    }
  };

  const openBody = async (bodyId: string) => {
    try {
      const body = await api['sandbox.openBody']({ bodyId });
      setNotice(`The whole body (${body.size.toLocaleString()} bytes) is in ${body.path}`);
    } catch (failure) {
      setNotice(errorMessage(failure));
    }
  };

  // The OAuth 2.0 token's state (held by main for this session), shown in the Auth tab.
  const usesOAuth = edited.draft.auth.kind === 'oauth2' || (edited.draft.auth.kind === 'inherit' && environment?.auth.kind === 'oauth2');
  const requestRef = edited.savedId !== null && !edited.dirty ? { requestId: edited.savedId } : { draft: edited.draft };
  const tokenState = useCall('sandbox.oauthToken', { request: requestRef, environmentId: environment?.id ?? null }, { enabled: usesOAuth, retry: false });
  const [renewing, setRenewing] = useState(false);
  const renewToken = async () => {
    setRenewing(true);
    setNotice(null);
    try {
      await api['sandbox.oauthToken']({ request: requestRef, environmentId: environment?.id ?? null, renew: true });
    } catch (failure) {
      setNotice(`No new token: ${errorMessage(failure)}`);
    } finally {
      setRenewing(false);
      cache.invalidate('sandbox.oauthToken');
    }
  };

  const unresolved = unresolvedVariables(edited.draft, environment);
  const savedRequest = requests.data?.find((request) => request.id === edited.savedId);

  return (
    <Page
      title={area.title}
      description={area.description}
      actions={
        <div className="sandbox-context">
          <label className="field field-inline">
            <span className="field-label">System</span>
            <select className="select" aria-label="System" value={system.id} onChange={(event) => onSystem(Number(event.target.value))}>
              {systems.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-inline">
            <span className="field-label">Environment</span>
            <select className="select" aria-label="Environment" value={environment?.id ?? ''} onChange={(event) => setEnvironmentId(Number(event.target.value))} disabled={!environments.data?.length}>
              {(environments.data ?? []).map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                  {candidate.kind === 'production' ? ' (production)' : ''}
                </option>
              ))}
            </select>
          </label>
          {environment && (
            <button type="button" className="btn btn-sm" onClick={() => setDialog({ kind: 'environment', environment })}>
              Edit
            </button>
          )}
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setDialog({ kind: 'environment' })}>
            New environment
          </button>
        </div>
      }
    >
      <div className="sandbox-layout">
        <aside className="sandbox-side" aria-label="Requests">
          <TabList tabs={sideTabs} current={side} onSelect={setSide} label="Requests" idPrefix="sandbox-side" render={(tab) => sideLabels[tab]} />
          <div className="sandbox-side-body" {...tabPanelProps('sandbox-side', side)}>
            {side === 'operations' && (catalogue.data ? <OperationList operations={catalogue.data.operations} onPick={(operation) => void pickOperation(operation)} /> : <Loading />)}
            {side === 'saved' && (
              <>
                <CollectionActions systemId={system.id} systemName={system.name} environments={environments.data ?? []} onNotice={setNotice} />
                <SavedList requests={requests.data ?? []} currentId={edited.savedId} onPick={pickSaved} />
              </>
            )}
            {side === 'history' && <HistoryList systemId={system.id} currentId={shown?.historyId ?? null} onPick={(entry) => void pickHistory(entry)} />}
            {side === 'samples' && (
              <SamplesPanel
                systemId={system.id}
                catalogue={catalogue.data}
                sampling={{ request: requestRef, environment: environment ? { id: environment.id, name: environment.name } : null, operation: edited.draft.origin?.operation ?? null }}
              />
            )}
          </div>
        </aside>
        <div className="sandbox-main">
          <MockControl systemId={system.id} systemName={system.name} onStarted={(mock) => mock.environmentId !== null && setEnvironmentId(mock.environmentId)} />
          {notice && (
            <Alert tone="info" onDismiss={() => setNotice(null)}>
              {notice}
            </Alert>
          )}
          {environment && environment.missingSecrets.length > 0 && (
            <Alert tone="info">
              {environment.name} has secrets sealed on another machine: enter {environment.missingSecrets.join(', ')} again (Edit).
            </Alert>
          )}
          {savedRequest?.broken && (
            <Alert tone="info">
              A re-import broke this request: {savedRequest.broken.reason}
            </Alert>
          )}
          <RequestEditor
            draft={edited.draft}
            onChange={edit}
            variables={variablesOf(environment)}
            unresolved={unresolved}
            sending={sending !== null}
            onSend={() => void send()}
            onCancel={() => sending?.abort()}
            onSave={() => setDialog({ kind: 'save' })}
            dirty={edited.dirty}
            token={usesOAuth ? { state: tokenState.data ?? null, inherited: edited.draft.auth.kind === 'inherit', renewing, onRenew: () => void renewToken() } : undefined}
            onPasteCurl={(text) => void pasteCurl(text)}
            onCopyCurl={(includeSecrets) => void copyCurl(includeSecrets)}
          />
          <div className="sandbox-response">
            {sending ? (
              <div className="response-waiting" role="status">
                <span className="spinner" /> Waiting for {edited.draft.method} {edited.draft.url}…
              </div>
            ) : shown?.kind === 'response' ? (
              <ResponseView
                response={shown.response}
                onOpenBody={(bodyId) => void openBody(bodyId)}
                onSaveSample={shown.historyId !== null && shown.response.preview?.kind === 'json' ? () => setDialog({ kind: 'sample', historyId: shown.historyId! }) : undefined}
              />
            ) : shown?.kind === 'failure' ? (
              <Alert tone="error" title="No response">
                {shown.message}
              </Alert>
            ) : (
              <p className="muted response-empty">Send the request to see the status, headers, body and timings here.</p>
            )}
          </div>
        </div>
      </div>
      {dialog?.kind === 'environment' && (
        <EnvironmentDialog
          systemId={system.id}
          environment={dialog.environment}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            cache.invalidate('sandbox.environments', { systemId: system.id });
            setEnvironmentId(saved.id);
          }}
        />
      )}
      {dialog?.kind === 'save' && (
        <SaveRequestDialog
          edited={edited}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            setEdited({ savedId: saved.id, draft: draftOf(saved), dirty: false });
            cache.invalidate('sandbox.requests');
          }}
        />
      )}
      {dialog?.kind === 'sample' && (
        <SaveSampleDialog
          systemId={system.id}
          historyId={dialog.historyId}
          catalogue={catalogue.data}
          operation={edited.draft.origin?.operation ?? null}
          onClose={() => setDialog(null)}
          onSaved={(sample) => {
            setDialog(null);
            const undocumented = sample.findings.filter((finding) => finding.kind === 'undocumented-field').length;
            setNotice(
              `Saved as sample ${sample.id}: ${sample.findings.length === 0 ? 'it matches the document.' : `${sample.findings.length} finding${sample.findings.length === 1 ? '' : 's'} against the document${undocumented ? `, ${undocumented} undocumented field${undocumented === 1 ? '' : 's'} now discovered fields of the entity` : ''}.`}`,
            );
            cache.invalidate('sandbox.samples');
            cache.invalidate('sandbox.drift');
            cache.invalidate('systems.entity');
          }}
        />
      )}
      {dialog?.kind === 'confirm-production' && (
        <Dialog
          alert
          title="Send to production?"
          onClose={() => setDialog(null)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setDialog(null)}>
                Do not send
              </button>
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => {
                  setDialog(null);
                  void send(true);
                }}
              >
                Send {edited.draft.method} to production
              </button>
            </>
          }
        >
          <p>{dialog.message}</p>
          <p className="muted">This is asked every time a request other than GET, HEAD or OPTIONS goes to an environment marked production.</p>
        </Dialog>
      )}
    </Page>
  );
}

function SaveRequestDialog({ edited, onClose, onSaved }: { edited: EditedRequest; onClose: () => void; onSaved: (saved: SavedRequest) => void }) {
  const { trackSave } = useApp();
  const [name, setName] = useState(edited.draft.name);
  const [folder, setFolder] = useState(edited.draft.folder);
  const [asNew, setAsNew] = useState(edited.savedId === null);
  const { busy, error, run } = useDialogAction();
  const save = () => run(async () => onSaved(await dialogWrite(trackSave, api['sandbox.saveRequest']({ ...edited.draft, name, folder, ...(asNew || edited.savedId === null ? {} : { id: edited.savedId }) }))));
  return (
    <Dialog
      title="Save request"
      subtitle="Saved with this system, in the workspace; secrets are sealed."
      busy={busy}
      onClose={onClose}
      onSubmit={() => void save()}
      footer={<DialogButtons onCancel={onClose} busy={busy} submit="Save" disabled={name.trim() === ''} />}
    >
      <label className="field">
        <span className="field-label">Name</span>
        <input className="input" value={name} onChange={(event) => setName(event.target.value)} required />
      </label>
      <label className="field">
        <span className="field-label">Folder</span>
        <input className="input" value={folder} placeholder="e.g. Customers/Reads" onChange={(event) => setFolder(event.target.value)} />
      </label>
      {edited.savedId !== null && (
        <label className="choice">
          <input type="checkbox" checked={asNew} onChange={(event) => setAsNew(event.target.checked)} /> Save as a new request (keep the saved one as it is)
        </label>
      )}
      <FormError error={error} />
    </Dialog>
  );
}
