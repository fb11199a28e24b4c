// Where an API document comes from: a file path, a web address, or the text itself.
import { useId, useRef, type ChangeEvent } from 'react';
import type { ImportSource } from '../../../../shared/contract';
import { FileIcon, GlobeIcon, SpecIcon } from '../../components/icons';
import { formatBytes } from '../../format';

export type SourceKind = ImportSource['kind'];

export interface SourceDraft {
  kind: SourceKind;
  path: string;
  url: string;
  text: string;
}

export const emptySource: SourceDraft = { kind: 'file', path: '', url: '', text: '' };

const PASTED = /^pasted text$/i;

/** A system's recorded source ("/specs/crm.yaml", "https://…", "pasted text") as a draft to re-import from. */
export function draftFromSource(source: string): SourceDraft {
  if (/^https?:\/\//i.test(source)) return { ...emptySource, kind: 'url', url: source };
  if (PASTED.test(source.trim()) || !source.trim()) return { ...emptySource, kind: 'text' };
  return { ...emptySource, kind: 'file', path: source };
}

export type SourceErrors = Partial<Record<'path' | 'url' | 'text', string>>;

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
  }
}

const kinds: Array<{ kind: SourceKind; label: string; icon: typeof FileIcon }> = [
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
  const set = (changes: Partial<SourceDraft>) => onChange({ ...draft, ...changes });

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
        {kinds.map(({ kind, label, icon: Icon }) => (
          <label key={kind} className="source-kind" data-checked={draft.kind === kind || undefined}>
            <input type="radio" name={`${id}-kind`} value={kind} checked={draft.kind === kind} onChange={() => set({ kind })} className="visually-hidden" />
            <Icon size={15} />
            {label}
          </label>
        ))}
      </div>

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
              {host === 'browser' ? 'The path as this computer sees it: Crosswalk reads the file itself. ' : ''}
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
