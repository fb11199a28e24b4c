// What every form dialog repeats: one action at a time (busy while it runs, so Escape waits), its refusal
// shown next to the buttons, and the Cancel / submit pair along the bottom.
import { useCallback, useState, type ReactNode } from 'react';
import { errorMessage } from '../state/save-state';

/** `run(action)`: busy until it settles; a rejection becomes `error`, shown by <FormError>. */
export function useDialogAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}

/** Cancel, then the dialog's submit button (disabled while busy or when `disabled`); a `danger` submit destroys something and starts focused. */
export function DialogButtons({ onCancel, busy, submit, disabled = false, danger = false }: { onCancel: () => void; busy: boolean; submit: ReactNode; disabled?: boolean; danger?: boolean }) {
  return (
    <>
      <button type="button" className="btn" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
      <button type="submit" className={danger ? 'btn btn-danger' : 'btn btn-primary'} disabled={busy || disabled} autoFocus={danger}>
        {submit}
      </button>
    </>
  );
}

export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="field-error" role="alert">
      {error}
    </p>
  );
}
