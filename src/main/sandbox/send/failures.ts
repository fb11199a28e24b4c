// What a failed send says: the kind the UI and CLI branch on, and the http service's one sentence.
import type { FailureKind } from '../../../shared/contract';
import { HttpError } from '../../platform/http';

export function failureOf(error: unknown): { kind: FailureKind; message: string } | undefined {
  if (!(error instanceof HttpError)) return undefined;
  const kinds: Record<string, FailureKind> = {
    REFUSED: 'refused',
    DNS: 'dns',
    RESET: 'reset',
    TIMEOUT: 'timeout',
    TLS: 'tls',
    PROXY: 'proxy',
    ABORTED: 'cancelled',
    TOO_LARGE: 'too-large',
    TOO_MANY_REDIRECTS: 'too-many-redirects',
  };
  return { kind: kinds[error.code] ?? 'other', message: error.message };
}
