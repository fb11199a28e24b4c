// Export: the spec as a workbook, JSON or Markdown, downloaded (in the browser) or written to a path the
// analyst types; and the read-back of a workbook a stakeholder edited (preview the changes, apply the ones
// confirmed).
import { useState, type ComponentType } from 'react';
import type { ExportFormat, WorkbookReport } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { BracesIcon, CheckCircleIcon, DownloadIcon, ImportIcon, MarkdownIcon, TableIcon } from '../../components/icons';
import { folderOf, formatBytes, plural } from '../../format';
import { useApp, useWorkspace } from '../../state/app-context';
import { errorMessage } from '../../state/save-state';
import { SectionFrame } from './SectionFrame';
import { useStickyState } from '../../state/use-sticky-state';
import { WorkbookReportView } from './WorkbookReportView';

interface ExportTarget {
  format: ExportFormat;
  icon: ComponentType<{ size?: number }>;
  title: string;
  text: string;
}

const targets: ExportTarget[] = [
  {
    format: 'xlsx',
    icon: TableIcon,
    title: 'Excel workbook',
    text: 'The whole spec for developers, testers and the business: a sheet each for the overview, requirements, use cases, flows, field mappings, inputs, test cases, questions and sign-off. Stakeholders can edit it and you can read it back below.',
  },
  {
    format: 'json',
    icon: BracesIcon,
    title: 'JSON spec',
    text: 'Everything in a machine-readable form, for code generators and integration platforms.',
  },
  {
    format: 'md',
    icon: MarkdownIcon,
    title: 'Markdown',
    text: 'A readable document for a wiki or a pull request: business case, use cases, flows and mapping tables.',
  },
];

/** Next to the workspace file: <dir>/<name>-spec.<ext>. */
export function defaultExportPath(workspacePath: string, fileName: string, format: ExportFormat): string {
  const base = fileName.replace(/\.crosswalk$/i, '') || 'integration';
  return `${folderOf(workspacePath)}${base}-spec.${format}`;
}

type Written = { path: string; bytes: number };

/** Hands the file to the browser's downloads. */
function saveDownload(file: { fileName: string; mediaType: string; content: string }) {
  const binary = atob(file.content);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const formatName = (format: ExportFormat) => (format === 'md' ? 'Markdown' : format === 'json' ? 'JSON' : 'workbook');

export function ExportPanel() {
  const workspace = useWorkspace();
  const { info } = useApp();
  const browser = info.host === 'browser';
  const [downloaded, setDownloaded] = useState<Partial<Record<ExportFormat, { fileName: string; bytes: number }>>>({});
  const key = `${workspace.path}|export`;
  const [paths, setPaths] = useStickyState<Record<ExportFormat, string>>(`${key}|paths`, () => ({
    xlsx: defaultExportPath(workspace.path, workspace.fileName, 'xlsx'),
    json: defaultExportPath(workspace.path, workspace.fileName, 'json'),
    md: defaultExportPath(workspace.path, workspace.fileName, 'md'),
  }));
  const [written, setWritten] = useStickyState<Partial<Record<ExportFormat, Written>>>(`${key}|written`, () => ({}));
  const [errors, setErrors] = useState<Partial<Record<ExportFormat, string>>>({});
  const [busy, setBusy] = useState<ExportFormat | null>(null);

  const run = async (format: ExportFormat) => {
    const path = paths[format].trim();
    if (!path) {
      setErrors((current) => ({ ...current, [format]: 'Type the path of the file to write.' }));
      return;
    }
    setBusy(format);
    setErrors((current) => ({ ...current, [format]: undefined }));
    try {
      const result = await api['spec.export']({ format, path });
      setWritten((current) => ({ ...current, [format]: result }));
    } catch (failure) {
      setErrors((current) => ({ ...current, [format]: errorMessage(failure) }));
    } finally {
      setBusy(null);
    }
  };

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setErrors((current) => ({ ...current, [format]: undefined }));
    try {
      const file = await api['spec.download']({ format });
      saveDownload(file);
      setDownloaded((current) => ({ ...current, [format]: { fileName: file.fileName, bytes: file.bytes } }));
    } catch (failure) {
      setErrors((current) => ({ ...current, [format]: errorMessage(failure) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <SectionFrame
        id="export"
        title="Export"
        subtitle={browser ? 'Download the spec, or write it to a path on the computer running Crosswalk (a file there is replaced).' : 'Write the spec to a file on this computer. Existing files at the path are replaced.'}
      >
        <ul className="export-list">
          {targets.map((target) => {
            const Icon = target.icon;
            const done = written[target.format];
            const error = errors[target.format];
            const inputId = `export-path-${target.format}`;
            return (
              <li key={target.format} className="export-target">
                <span className="export-icon">
                  <Icon />
                </span>
                <div className="export-body">
                  <div className="export-head">
                    <h3 className="export-title">{target.title}</h3>
                    <span className="badge badge-outline mono">.{target.format}</span>
                  </div>
                  <p className="export-text">{target.text}</p>
                  {browser && (
                    <div className="export-download">
                      <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void download(target.format)}>
                        <DownloadIcon />
                        {busy === target.format ? 'Preparing…' : `Download ${formatName(target.format)}`}
                      </button>
                      {downloaded[target.format] && (
                        <span className="export-written" role="status">
                          <CheckCircleIcon size={14} />
                          Downloaded <span className="mono">{downloaded[target.format]!.fileName}</span> · {formatBytes(downloaded[target.format]!.bytes)}
                        </span>
                      )}
                    </div>
                  )}
                  <form
                    className="export-form"
                    onSubmit={(event) => {
                      event.preventDefault();
                      void run(target.format);
                    }}
                  >
                    <label className="visually-hidden" htmlFor={inputId}>
                      {target.title} path
                    </label>
                    <input
                      id={inputId}
                      className="input mono"
                      value={paths[target.format]}
                      onChange={(event) => setPaths((current) => ({ ...current, [target.format]: event.target.value }))}
                      spellCheck={false}
                      aria-invalid={error ? true : undefined}
                    />
                    <button type="submit" className={browser ? 'btn' : 'btn btn-primary'} disabled={busy !== null}>
                      <DownloadIcon />
                      {busy === target.format && !browser ? 'Exporting…' : browser ? `Write ${formatName(target.format)} to path` : `Export ${formatName(target.format)}`}
                    </button>
                  </form>
                  {error && <Alert onDismiss={() => setErrors((current) => ({ ...current, [target.format]: undefined }))}>{error}</Alert>}
                  {done && (
                    <p className="export-written" role="status">
                      <CheckCircleIcon size={14} />
                      Written <span className="mono">{done.path}</span> · {formatBytes(done.bytes)}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </SectionFrame>
      <ReadBackPanel stickyKey={`${key}|read-back`} defaultPath={written.xlsx?.path ?? paths.xlsx} />
    </>
  );
}

function ReadBackPanel({ stickyKey, defaultPath }: { stickyKey: string; defaultPath: string }) {
  const { trackSave, reloadAll } = useApp();
  const [path, setPath] = useStickyState<string | null>(stickyKey, () => null);
  const [report, setReport] = useState<WorkbookReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ applied: number; skipped: number } | null>(null);
  const shownPath = path ?? defaultPath;

  const preview = async () => {
    if (!shownPath.trim()) {
      setError('Type the path of the reviewed workbook.');
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    setReport(null);
    try {
      setReport(await api['spec.previewWorkbook']({ path: shownPath.trim() }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const apply = async (changeIds: string[]) => {
    if (!report) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await trackSave(api['spec.applyWorkbook']({ previewId: report.previewId, changeIds }));
      setResult(answer);
      setReport(null);
      reloadAll();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel spec-section" aria-labelledby="spec-read-back-title">
      <header className="panel-header spec-section-header">
        <div className="spec-section-heading">
          <h2 className="panel-title" id="spec-read-back-title">
            Read back a reviewed workbook
          </h2>
          <p className="spec-section-subtitle">
            A stakeholder edited an exported workbook? Read it back: see what changed, what conflicts with edits made here since the export, and what could not be read — then apply only what you confirm.
          </p>
        </div>
      </header>
      <div className="panel-body read-back">
        <form
          className="export-form"
          onSubmit={(event) => {
            event.preventDefault();
            void preview();
          }}
        >
          <label className="visually-hidden" htmlFor="read-back-path">
            Reviewed workbook path
          </label>
          <input id="read-back-path" className="input mono" value={shownPath} onChange={(event) => setPath(event.target.value)} spellCheck={false} />
          <button type="submit" className="btn" disabled={busy}>
            <ImportIcon />
            {busy && !report ? 'Reading…' : 'Preview changes'}
          </button>
        </form>
        {error && <Alert onDismiss={() => setError(null)}>{error}</Alert>}
        {result && (
          <Alert tone="info" title={`Applied ${plural(result.applied, 'change')}`} onDismiss={() => setResult(null)}>
            {result.skipped
              ? `${plural(result.skipped, 'change was', 'changes were')} skipped: the record changed or went away since the preview. Preview the workbook again to see them.`
              : 'Every selected change is in the spec now.'}
          </Alert>
        )}
        {report && <WorkbookReportView key={report.previewId} report={report} busy={busy} onApply={(ids) => void apply(ids)} onDiscard={() => setReport(null)} />}
      </div>
    </section>
  );
}
