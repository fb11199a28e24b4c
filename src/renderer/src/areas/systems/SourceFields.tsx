// Where an API document comes from: a file uploaded from the browser (with its folder, or a zip), a file
// path, a web address, or the text itself.
import { useId, useRef, type ChangeEvent } from 'react';
import type { ImportSource } from '../../../../shared/contract';
import { FileIcon, FolderIcon, GlobeIcon, SpecIcon, UploadIcon } from '../../components/icons';
import { formatBytes } from '../../format';

export type SourceKind = ImportSource['kind'];

export interface UploadDraft {
  /** What was chosen, in words: "crm.yaml", "folder specs (12 files)". */
  label: string;
  files: Array<{ path: string; content: string }>;
  /** The document among a folder's files ('' = Crosswalk finds it). */
  root: string;
  /** The JSON and YAML files of a folder, to choose the document among. */
  documents: string[];
}

export interface SourceDraft {
  kind: SourceKind;
  path: string;
  url: string;
  text: string;
  upload: UploadDraft | null;
}

export const emptySource: SourceDraft = { kind: 'file', path: '', url: '', text: '', upload: null };

/** Where a new document comes from by default: the browser's file input in the web host, a path on the desktop. */
export const initialSource = (host: 'desktop' | 'browser'): SourceDraft => ({ ...emptySource, kind: host === 'browser' ? 'upload' : 'file' });

const UPLOADED = /^uploaded /i;

const PASTED = /^pasted text$/i;

/** A system's recorded source ("/specs/crm.yaml", "https://…", "pasted text") as a draft to re-import from. */
export function draftFromSource(source: string): SourceDraft {
  if (/^https?:\/\//i.test(source)) return { ...emptySource, kind: 'url', url: source };
  if (UPLOADED.test(source)) return { ...emptySource, kind: 'upload' };
  if (PASTED.test(source.trim()) || !source.trim()) return { ...emptySource, kind: 'text' };
  return { ...emptySource, kind: 'file', path: source };
}

export type SourceErrors = Partial<Record<'path' | 'url' | 'text' | 'upload', string>>;

/** The source to send, or what to fix first. */
export function checkSource(draft: SourceDraft): { source: ImportSource } | { errors: SourceErrors } {
  switch (draft.kind) {
    case 'file': {
      const path = draft.path.trim();
      return path ? { source: { kind: 'file', path } } : { errors: { path: 'Type the full path of the document file.' } };
    }
    case 'url': {
      const url = draft.url.trim();
      if (!url) return { errors: { url: 'Type the address of the document.' } };
      if (!/^https?:\/\/\S+$/i.test(url)) return { errors: { url: 'The address must start with http:// or https://.' } };
      return { source: { kind: 'url', url } };
    }
    case 'text':
      return draft.text.trim() ? { source: { kind: 'text', text: draft.text } } : { errors: { text: 'Paste the document (YAML or JSON).' } };
    case 'upload':
      return draft.upload
        ? { source: { kind: 'upload', root: draft.upload.root, files: draft.upload.files } }
        : { errors: { upload: 'Choose the document file, its folder or a zip of it.' } };
  }
}

function base64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let at = 0; at < view.length; at += 0x8000) binary += String.fromCharCode(...view.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** The chosen files as an upload: a folder's files keep their paths inside it. */
async function readUpload(list: FileList): Promise<UploadDraft> {
  const chosen = [...list];
  const files = await Promise.all(chosen.map(async (file) => ({ path: file.webkitRelativePath || file.name, content: base64(await file.arrayBuffer()) })));
  const documents = files.map((file) => file.path).filter((name) => /\.(ya?ml|json)$/i.test(name));
  const folder = chosen[0]?.webkitRelativePath ? chosen[0].webkitRelativePath.split('/')[0] : undefined;
  return { label: folder ? `folder ${folder} (${files.length} files)` : chosen.map((file) => file.name).join(', '), files, root: '', documents: folder ? documents : [] };
}

const kinds: Array<{ kind: SourceKind; label: string; icon: typeof FileIcon; browserOnly?: true }> = [
  { kind: 'upload', label: 'Upload', icon: UploadIcon, browserOnly: true },
  { kind: 'file', label: 'File path', icon: FileIcon },
  { kind: 'url', label: 'Web address (URL)', icon: GlobeIcon },
  { kind: 'text', label: 'Paste text', icon: SpecIcon },
];

interface SourceFieldsProps {
  draft: SourceDraft;
  onChange: (draft: SourceDraft) => void;
  errors: SourceErrors;
  disabled: boolean;
  host: 'desktop' | 'browser';
}

export function SourceFields({ draft, onChange, errors, disabled, host }: SourceFieldsProps) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const uploadInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const set = (changes: Partial<SourceDraft>) => onChange({ ...draft, ...changes });

  const chooseUpload = (event: ChangeEvent<HTMLInputElement>) => {
    const list = event.target.files;
    if (!list || list.length === 0) return;
    void readUpload(list).then((upload) => {
      event.target.value = '';
      set({ kind: 'upload', upload });
    });
  };

  // Reads a single-file document in the page and pastes it: references to other files then cannot be followed.
  const loadFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    void file.text().then((text) => set({ kind: 'text', text }));
  };

  return (
    <fieldset className="source-fields" disabled={disabled}>
      <legend className="field-label">Source</legend>
      <div className="source-kinds" role="radiogroup" aria-label="Where the document comes from">
        {kinds.filter((entry) => host === 'browser' || !entry.browserOnly).map(({ kind, label, icon: Icon }) => (
          <label key={kind} className="source-kind" data-checked={draft.kind === kind || undefined}>
            <input type="radio" name={`${id}-kind`} value={kind} checked={draft.kind === kind} onChange={() => set({ kind })} className="visually-hidden" />
            <Icon size={15} />
            {label}
          </label>
        ))}
      </div>

      {draft.kind === 'upload' && (
        <div className="field">
          <span className="field-label" id={`${id}-upload-label`}>
            The document to upload
          </span>
          <div className="upload-row" role="group" aria-labelledby={`${id}-upload-label`}>
            <button type="button" className="btn btn-sm" onClick={() => uploadInput.current?.click()}>
              <FileIcon size={14} />
              Choose a file or zip…
            </button>
            <button type="button" className="btn btn-sm" onClick={() => folderInput.current?.click()}>
              <FolderIcon size={14} />
              Choose a folder…
            </button>
            <span className="upload-chosen mono" aria-live="polite">
              {draft.upload ? draft.upload.label : 'Nothing chosen yet'}
            </span>
            <input
              ref={uploadInput}
              type="file"
              aria-label="Document file or zip"
              accept=".yaml,.yml,.json,.zip,application/json,application/yaml,text/yaml,application/zip"
              className="visually-hidden"
              tabIndex={-1}
              onChange={chooseUpload}
            />
            <input
              ref={folderInput}
              type="file"
              aria-label="Folder holding the document"
              className="visually-hidden"
              tabIndex={-1}
              onChange={chooseUpload}
              {...{ webkitdirectory: '', directory: '' }}
            />
          </div>
          {draft.upload && draft.upload.documents.length > 1 && (
            <label className="field">
              <span className="field-label">Which file is the API document</span>
              <select className="input mono" value={draft.upload.root} onChange={(event) => set({ upload: { ...draft.upload!, root: event.target.value } })}>
                <option value="">Find it (the only document at the top of the folder)</option>
                {draft.upload.documents.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {/* "Choose a file" is moot once one is read (it may arrive after a quick Compare). */}
          {errors.upload && !draft.upload ? (
            <span className="field-error">{errors.upload}</span>
          ) : (
            <span className="field-hint">
              A document that refers to other files ($ref) comes as its folder or a zip of it; Crosswalk keeps a copy in the workspace. YAML or JSON; Swagger 2.0, OpenAPI 3.0 or 3.1.
            </span>
          )}
        </div>
      )}

      {draft.kind === 'file' && (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-path`}>
            Path of the document
          </label>
          <input
            id={`${id}-path`}
            className="input mono"
            value={draft.path}
            onChange={(event) => set({ path: event.target.value })}
            placeholder={navigator.platform.startsWith('Win') ? 'C:\\Users\\you\\specs\\crm.openapi.yaml' : '/home/you/specs/crm.openapi.yaml'}
            aria-invalid={errors.path ? true : undefined}
            aria-describedby={`${id}-path-hint`}
            spellCheck={false}
            autoComplete="off"
          />
          {errors.path ? (
            <span className="field-error" id={`${id}-path-hint`}>
              {errors.path}
            </span>
          ) : (
            <span className="field-hint" id={`${id}-path-hint`}>
              {host === 'browser' ? 'The full path as the computer running Crosswalk sees it: Crosswalk reads the file itself. ' : ''}
              Files it references in the same folder are read too. YAML or JSON; Swagger 2.0, OpenAPI 3.0 or 3.1.
            </span>
          )}
        </div>
      )}

      {draft.kind === 'url' && (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-url`}>
            Address of the document
          </label>
          <input
            id={`${id}-url`}
            className="input mono"
            type="url"
            value={draft.url}
            onChange={(event) => set({ url: event.target.value })}
            placeholder="https://developer.example.com/openapi.yaml"
            aria-invalid={errors.url ? true : undefined}
            aria-describedby={`${id}-url-hint`}
            spellCheck={false}
            autoComplete="off"
          />
          {errors.url ? (
            <span className="field-error" id={`${id}-url-hint`}>
              {errors.url}
            </span>
          ) : (
            <span className="field-hint" id={`${id}-url-hint`}>
              Crosswalk downloads it now and keeps a copy in the workspace; it is not fetched again until you re-import.
            </span>
          )}
        </div>
      )}

      {draft.kind === 'text' && (
        <div className="field">
          <div className="field-label-row">
            <label className="field-label" htmlFor={`${id}-text`}>
              The document, as YAML or JSON
            </label>
            <span className="spacer" />
            {draft.text && <span className="field-hint">{formatBytes(new Blob([draft.text]).size)}</span>}
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => fileInput.current?.click()}>
              <FileIcon size={14} />
              Load from a file…
            </button>
            <input ref={fileInput} type="file" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml" className="visually-hidden" tabIndex={-1} onChange={loadFile} />
          </div>
          <textarea
            id={`${id}-text`}
            className="textarea mono source-text"
            value={draft.text}
            onChange={(event) => set({ text: event.target.value })}
            placeholder={'openapi: 3.1.0\ninfo:\n  title: …'}
            rows={12}
            spellCheck={false}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={`${id}-text-hint`}
          />
          {errors.text ? (
            <span className="field-error" id={`${id}-text-hint`}>
              {errors.text}
            </span>
          ) : (
            <span className="field-hint" id={`${id}-text-hint`}>
              Pasted text cannot refer to other files; use a file path for documents split over several files.
            </span>
          )}
        </div>
      )}
    </fieldset>
  );
}
