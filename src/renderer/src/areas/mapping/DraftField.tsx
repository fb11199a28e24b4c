// A text field that saves when the analyst leaves it (or presses Ctrl/Cmd+Enter), not on each keystroke.
import { useState } from 'react';

interface DraftFieldProps {
  label: string;
  value: string;
  onSave: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
  mono?: boolean;
  rows?: number;
}

export function DraftField({ label, value, onSave, multiline, placeholder, mono, rows = 3 }: DraftFieldProps) {
  /** What the analyst typed and has not saved yet; null: the field shows the saved value. */
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? value;
  const commit = () => {
    if (text !== value) onSave(text);
    setDraft(null);
  };
  const common = {
    'aria-label': label,
    value: text,
    placeholder,
    spellCheck: !mono,
    onBlur: commit,
    onKeyDown: (event: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (event.key === 'Escape' && text !== value) {
        event.preventDefault();
        event.stopPropagation();
        setDraft(null);
      }
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey || !multiline)) {
        event.preventDefault();
        commit();
      }
    },
  };
  return (
    <label className="field detail-field">
      <span className="field-label">{label}</span>
      {multiline ? (
        <textarea className={`textarea${mono ? ' mono' : ''}`} rows={rows} {...common} onChange={(event) => setDraft(event.target.value)} />
      ) : (
        <input className={`input${mono ? ' mono' : ''}`} {...common} onChange={(event) => setDraft(event.target.value)} />
      )}
    </label>
  );
}
