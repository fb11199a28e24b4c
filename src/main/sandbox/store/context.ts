import { SecretUnavailableError } from '../../platform/secrets';
import { readSecret, type SecretAccess, type SecretWrites } from '../../workspace/secrets';
import type { Workspace } from '../../workspace/workspace';
import type { SlotMapper, SlotValue } from './secret-slots';

/** What the sandbox store works on: the open workspace and the way to its secrets. */
export interface SandboxStore {
  workspace: Workspace;
  secrets: SecretAccess;
}

export const requestScope = (systemId: number, id: number) => `system:${systemId}/request:${id}`;
export const environmentScope = (systemId: number, id: number) => `system:${systemId}/env:${id}`;
/** Secret variables of a system as a whole (crosswalk secret set without --env). */
export const systemScope = (systemId: number) => `system:${systemId}`;

/**
 * The mapper that seals on save: a new value is stored, a placeholder with `set` keeps the stored value
 * (if there is one), one without deletes it. Records the names it used, so the caller can delete the rest.
 */
export function sealingMapper(scope: string, secrets: SecretWrites, used: Set<string>): SlotMapper {
  return (name, value) => {
    used.add(name);
    if (typeof value === 'string') {
      secrets.set({ scope, name }, value);
      return { secret: true, set: value !== '', name };
    }
    if (value.set && secrets.has({ scope, name })) return { secret: true, set: true, name };
    secrets.delete({ scope, name });
    return { secret: true, set: false, name };
  };
}

/** Deletes the scope's secrets no slot uses any more (a renamed header, a removed variable), except `keep`. */
export function deleteUnused(scope: string, secrets: SecretWrites, used: Set<string>, keep: string[] = []): void {
  for (const name of secrets.names(scope)) if (!used.has(name) && !keep.includes(name)) secrets.delete({ scope, name });
}

/**
 * The mapper that opens for a send: a placeholder becomes the stored value, a string stays as it is;
 * secrets that cannot be opened here (another machine) are listed in `missing` and become ''.
 */
export function openingMapper(store: SandboxStore, scope: string | undefined, missing: string[]): SlotMapper {
  return (name, value: SlotValue) => {
    if (typeof value === 'string') {
      if (value !== '') store.secrets.redactor?.add(value);
      return value;
    }
    if (!value.set || scope === undefined) return '';
    try {
      const opened = readSecret(store.workspace, store.secrets, { scope, name });
      if (opened === undefined) missing.push(name);
      return opened ?? '';
    } catch (error) {
      if (error instanceof SecretUnavailableError) {
        missing.push(name);
        return '';
      }
      throw error;
    }
  };
}
