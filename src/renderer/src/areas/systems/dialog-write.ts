// Writes started from a dialog: the status bar shows "Saving…" while they run, but a refusal (a
// document that cannot be read, a system still in use) is the dialog's to show, next to the
// buttons, not an unsaved change in the status bar: the workspace is as saved as before.
import type { AppContextValue } from '../../state/app-context';

export async function dialogWrite<T>(trackSave: AppContextValue['trackSave'], write: Promise<T>): Promise<T> {
  const outcome = await trackSave(
    write.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  );
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
