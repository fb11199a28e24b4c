// The bottom status bar: which file is open, its schema, whether changes are saved, and where the UI runs.
import type { WorkspaceSummary } from '../../../shared/contract';
import { AlertIcon, CheckIcon, FileIcon, GlobeIcon, MonitorIcon } from '../components/icons';
import type { SaveState } from '../state/save-state';

interface StatusBarProps {
  workspace: WorkspaceSummary | null;
  saveState: SaveState;
  host: 'desktop' | 'browser';
  latestSchemaVersion: number;
}

export function StatusBar({ workspace, saveState, host, latestSchemaVersion }: StatusBarProps) {
  return (
    // A status to look at, not to hear: "Saving…" / "All changes saved" after every edit would be read out each
    // time. A failed save is an alert of its own.
    <div className="statusbar" role="status" aria-live="off" aria-label="Status bar">
      <div className="statusbar-left">
        {workspace ? (
          <>
            <span className="statusbar-item statusbar-path" title={workspace.path}>
              <FileIcon size={13} />
              <span className="statusbar-path-text">{workspace.path}</span>
            </span>
            <span
              className="statusbar-item"
              title={
                workspace.schemaVersion === latestSchemaVersion
                  ? `Workspace file format, schema version ${workspace.schemaVersion} (the latest)`
                  : `Workspace file format, schema version ${workspace.schemaVersion} (this Crosswalk knows up to ${latestSchemaVersion})`
              }
            >
              Schema v{workspace.schemaVersion}
            </span>
          </>
        ) : (
          <span className="statusbar-item">No workspace open</span>
        )}
      </div>
      <div className="statusbar-right">
        {workspace && <SaveIndicator state={saveState} />}
        <span className="statusbar-item" title={host === 'desktop' ? 'Running as the desktop app' : 'Served to this browser by "crosswalk serve" on this machine'}>
          {host === 'desktop' ? <MonitorIcon size={13} /> : <GlobeIcon size={13} />}
          {host === 'desktop' ? 'Desktop' : 'Browser · local host'}
        </span>
      </div>
    </div>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  switch (state.kind) {
    case 'saving':
      return (
        <span className="statusbar-item">
          <span className="spinner spinner-sm" aria-hidden="true" />
          Saving…
        </span>
      );
    case 'error':
      return (
        <span className="statusbar-item statusbar-error" role="alert" title={state.message}>
          <AlertIcon size={13} />
          <span className="statusbar-error-text">Not saved: {state.message}</span>
        </span>
      );
    default:
      return (
        <span className="statusbar-item">
          <CheckIcon size={13} />
          All changes saved
        </span>
      );
  }
}
