// The plumbing of a one-line add form: the first field's text and the check that it is not empty, the
// save (tracked in the status bar), then an empty field with the focus back in it for the next one.
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useApp } from '../state/app-context';
import { errorMessage } from '../state/save-state';

interface AddFormOptions<T> {
  /** Said, with the focus put in the first field, when that field is empty. */
  required: string;
  /** Writes the record from the first field's trimmed text. */
  add: (text: string) => Promise<T>;
  onAdded: (value: T) => void;
  /** Empties the form's other fields after an add. */
  reset?: () => void;
}

export function useAddForm<T>({ required, add, onAdded, reset }: AddFormOptions<T>) {
  const { trackSave } = useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);

  const submit = async () => {
    if (!text.trim()) {
      setError(required);
      ref.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onAdded(await trackSave(add(text.trim())));
      setText('');
      reset?.();
      ref.current?.focus();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    onSubmit: (event: FormEvent) => {
      event.preventDefault();
      void submit();
    },
    /** Spread on the first field's <input>. */
    field: {
      ref,
      value: text,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        setText(event.target.value);
        if (error) setError(null);
      },
      'aria-invalid': error ? true : undefined,
    },
    /** Shown under the form's row. */
    error: error && (
      <div className="question-form-error" role="alert">
        {error}
      </div>
    ),
  };
}
