// A field saved in place: on leaving it, or on Enter (Ctrl+Enter in a text area of several rows). The typed text
// stays while it saves; when the save fails the saved value comes back and the error shows under it.
// Escape puts the saved value back without saving.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { errorMessage } from '../../state/save-state';

interface InlineFieldProps {
  /** The accessible name, and the visible label unless `hideLabel`. */
  label: string;
  hideLabel?: boolean;
  value: string;
  /** Saves the new value; throws (an ApiError) when it could not. */
  onSave: (value: string) => Promise<unknown>;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  maxLength?: number;
  /** Refuses an empty value, keeping the saved one, with this message. */
  requiredMessage?: string;
  className?: string;
  inputClassName?: string;
  hint?: ReactNode;
  mono?: boolean;
  disabled?: boolean;
}

export function InlineField({
  label,
  hideLabel,
  value,
  onSave,
  multiline,
  rows = 3,
  placeholder,
  maxLength = 20000,
  requiredMessage,
  className,
  inputClassName,
  hint,
  mono,
  disabled,
}: InlineFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const skipBlur = useRef(false);

  // Follow the saved value (a reload, another field's save) unless the analyst is typing here.
  useEffect(() => {
    if (document.activeElement !== ref.current && !saving) setDraft(value);
  }, [value, saving]);

  const commit = async () => {
    if (skipBlur.current) {
      skipBlur.current = false;
      return;
    }
    const next = multiline ? draft : draft.trim();
    if (next === value) {
      setDraft(value);
      return;
    }
    if (requiredMessage && !next.trim()) {
      setDraft(value);
      setError(requiredMessage);
      return;
    }
    setError(null);
    setDraft(next);
    setSaving(true);
    try {
      await onSave(next);
    } catch (failure) {
      setDraft(value);
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDraft(value);
      setError(null);
      skipBlur.current = true;
      event.currentTarget.blur();
      return;
    }
    // A one-line text area (it grows as text wraps) takes Enter like an input; Shift+Enter breaks the line.
    const oneLine = !multiline || (rows === 1 && !event.shiftKey);
    if (event.key === 'Enter' && (oneLine || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.blur();
    }
  };

  const common = {
    id,
    ref,
    value: draft,
    maxLength,
    placeholder,
    disabled,
    onChange: (event: { target: { value: string } }) => {
      setDraft(event.target.value);
      if (error) setError(null);
    },
    onBlur: () => void commit(),
    onKeyDown,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    'aria-busy': saving || undefined,
  } as const;

  return (
    <div className={['field', 'inline-field', className].filter(Boolean).join(' ')}>
      <label className={hideLabel ? 'visually-hidden' : 'field-label'} htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={rows} className={['textarea', inputClassName].filter(Boolean).join(' ')} />
      ) : (
        <input {...common} className={['input', mono && 'mono', inputClassName].filter(Boolean).join(' ')} spellCheck={mono ? false : undefined} />
      )}
      {hint && !error && <span className="field-hint">{hint}</span>}
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
