import { UserError } from '../../errors';
import { open, seal } from './cipher';
import type { KeyStore } from './key-store';

/** Which secret a value is: sealed text opens only for the same workspace, scope and name. */
export interface SecretId {
  workspaceId: string;
  /** '' for the workspace as a whole; later e.g. 'system:3/env:2'. */
  scope: string;
  name: string;
}

/** A secret this machine cannot open. The message names the secret, never its value. */
export class SecretUnavailableError extends UserError {
  constructor(readonly secret: Pick<SecretId, 'scope' | 'name'>, keyFound: boolean) {
    const named = `The secret "${secret.name}"${secret.scope ? ` (${secret.scope})` : ''}`;
    super(
      'SECRET_UNAVAILABLE',
      keyFound
        ? `${named} does not open with this machine's key for the workspace: it was sealed on another machine or for another user, or altered since: enter it again.`
        : `${named} was sealed on another machine or for another user: enter it again.`,
    );
  }
}

/** Seals a value under its workspace's key, creating the key on first use. */
export function sealSecret(keys: KeyStore, id: SecretId, plain: string): string {
  return seal(keys.findOrCreate(id.workspaceId), plain, associatedData(id));
}

/** Opens a sealed value; throws SecretUnavailableError when this machine's key store cannot. */
export function openSecret(keys: KeyStore, id: SecretId, sealed: string): string {
  const key = keys.find(id.workspaceId);
  const context = associatedData(id);
  const known = key && opened.get(key);
  const plain = known?.get(`${context}\n${sealed}`) ?? (key && open(key, sealed, context));
  if (plain === undefined) throw new SecretUnavailableError(id, key !== undefined);
  remember(key!, `${context}\n${sealed}`, plain);
  return plain;
}

// Values opened under each key (a key store that remembers its keys gives the same Buffer each time):
// every send opens the same few secrets, and setting up AES-GCM costs more than the rest of opening.
// Keyed by the sealed text itself, so a value sealed anew is opened anew; bounded.
const opened = new WeakMap<Buffer, Map<string, string>>();
const OPENED_KEPT = 1000;

function remember(key: Buffer, sealedInContext: string, plain: string) {
  let known = opened.get(key);
  if (!known) opened.set(key, (known = new Map()));
  if (known.size >= OPENED_KEPT) known.clear();
  known.set(sealedInContext, plain);
}

const associatedData = ({ workspaceId, scope, name }: SecretId) => JSON.stringify(['crosswalk-secret', workspaceId, scope, name]);
