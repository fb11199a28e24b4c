// Re-import a system from a newer document: where it comes from (prefilled with the current source),
// consent for outside references if needed, then the review of what changes before applying it.
import { useState } from 'react';
import { useFlows } from '../mapping/queries';
import type { CallOutput, ExternalReference, SystemSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { formatDateTime, plural } from '../../format';
import { useApp } from '../../state/app-context';
import { errorMessage } from '../../state/save-state';
import { dialogWrite } from './dialog-write';
import { allowing, ConsentStep } from './ConsentStep';
import { DiffReview } from './DiffReview';
import { RepairFlowsStep } from './RepairFlowsStep';
import { checkSource, draftFromSource, SourceFields, type SourceDraft, type SourceErrors } from './SourceFields';
import { Working } from './Working';

type Preview = Extract<CallOutput<'systems.previewReimport'>, { status: 'ready' }>;

type Step =
  | { kind: 'form' }
  | { kind: 'consent'; references: ExternalReference[]; allowed: string[] }
  | { kind: 'review'; preview: Preview }
  | { kind: 'repair'; applied: SystemSummary };

interface ReimportDialogProps {
  system: SystemSummary;
  onClose: () => void;
  onApplied: (system: SystemSummary) => void;
}

export function ReimportDialog({ system, onClose, onApplied }: ReimportDialogProps) {
  const { info, trackSave } = useApp();
  const [draft, setDraft] = useState<SourceDraft>(() => draftFromSource(system.source));
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sourceErrors, setSourceErrors] = useState<SourceErrors>({});
  const flows = useFlows();
  const mapping = (flows.data ?? []).filter((flow) => flow.source.system === system.name || flow.target.system === system.name);

  const preview = async (allowedRefs: string[]) => {
    const checked = checkSource(draft);
    setSourceErrors('errors' in checked ? checked.errors : {});
    if ('errors' in checked) return;
    setBusy(allowedRefs.length > 0 ? 'Reading the referenced documents and comparing…' : 'Reading the new document and comparing it with the current one…');
    setError(null);
    try {
      const result = await api['systems.previewReimport']({ id: system.id, source: checked.source, allowedRefs });
      setStep(result.status === 'needs-consent' ? { kind: 'consent', references: result.references, allowed: allowedRefs } : { kind: 'review', preview: result });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };

  const apply = async (previewId: string) => {
    setBusy('Storing the new version…');
    setError(null);
    try {
      const applied = await dialogWrite(trackSave, api['systems.applyReimport']({ previewId }));
      // The flows that map the system are repaired next, in this dialog; without any, it is done.
      if (mapping.length > 0) {
        setStep({ kind: 'repair', applied });
        setBusy(null);
      } else onApplied(applied);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(null);
    }
  };

  const working = busy !== null;
  const errorAlert = error && (
    <Alert title={step.kind === 'review' ? 'The new version could not be applied' : 'The document could not be read'} onDismiss={() => setError(null)}>
      {error}
    </Alert>
  );

  if (step.kind === 'repair') {
    const done = () => onApplied(step.applied);
    return (
      <Dialog
        title={`Repair the flows that map ${system.name}`}
        subtitle={`Version ${step.applied.apiVersion || '(none)'} is stored. Its changes reach the flows once you repair them.`}
        size="lg"
        onClose={done}
        footer={
          <>
            <span className="spacer" />
            <button type="button" className="btn btn-primary" onClick={done}>
              Done
            </button>
          </>
        }
      >
        <RepairFlowsStep system={system.name} flows={mapping} />
      </Dialog>
    );
  }

  if (step.kind === 'review') {
    const { preview: ready } = step;
    const { summary } = ready.diff;
    const broken = ready.impact.filter((item) => item.status === 'broken').length;
    return (
      <Dialog
        title={`Review changes to ${system.name}`}
        subtitle={
          summary.total === 0
            ? 'Nothing that matters for mapping changed. Nothing is stored until you apply.'
            : `${plural(summary.total, 'change')} to entities, operations, authentication and servers. Nothing is stored until you apply.`
        }
        size="xl"
        busy={working}
        onClose={onClose}
        className="review-dialog"
        footer={
          <>
            <button type="button" className="btn" onClick={() => setStep({ kind: 'form' })} disabled={working}>
              Back
            </button>
            <span className="spacer" />
            {working && <Working label={busy} />}
            <button type="button" className="btn" onClick={onClose} disabled={working}>
              Cancel
            </button>
            <button type="button" className={broken > 0 ? 'btn btn-warning' : 'btn btn-primary'} onClick={() => void apply(ready.previewId)} disabled={working}>
              Apply new version
            </button>
          </>
        }
      >
        {errorAlert}
        <DiffReview
          diff={ready.diff}
          impact={ready.impact}
          before={{ title: system.title, apiVersion: system.apiVersion }}
          after={{ title: ready.title, apiVersion: ready.apiVersion }}
        />
      </Dialog>
    );
  }

  const consent = step.kind === 'consent';
  return (
    <Dialog
      title={consent ? 'Allow references outside the document?' : `Re-import ${system.name}`}
      subtitle={
        consent
          ? `Re-importing ${system.name}`
          : 'Read a newer version of the document and see what changes before anything is stored.'
      }
      size={consent ? 'lg' : 'md'}
      busy={working}
      onClose={onClose}
      onSubmit={() => void preview(consent ? allowing(step) : [])}
      footer={
        <>
          {consent && (
            <button type="button" className="btn" onClick={() => setStep({ kind: 'form' })} disabled={working}>
              Back
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose} disabled={working}>
            Cancel
          </button>
          <button type="submit" className={consent ? 'btn btn-warning' : 'btn btn-primary'} disabled={working}>
            {consent ? 'Allow these references and compare' : working ? 'Comparing…' : 'Compare with current version'}
          </button>
        </>
      }
    >
      {errorAlert}
      {consent ? (
        <ConsentStep documentName={system.name} references={step.references} allowedBefore={step.allowed.length} />
      ) : (
        <div className="form-stack">
          <div className="current-version">
            <div className="current-version-label">Current version</div>
            <div>
              <strong>{system.title}</strong> <code className="value-chip">{system.apiVersion || '—'}</code>
              <span className="faint"> · imported {formatDateTime(system.importedAt)}</span>
              {system.previousVersions > 0 && <span className="faint"> · {plural(system.previousVersions, 'earlier version')} kept</span>}
            </div>
            <div className="mono current-version-source" title={system.source}>
              {system.source}
            </div>
          </div>
          <SourceFields draft={draft} onChange={setDraft} errors={sourceErrors} disabled={working} host={info.host} />
        </div>
      )}
      {working && <Working label={busy} />}
    </Dialog>
  );
}
