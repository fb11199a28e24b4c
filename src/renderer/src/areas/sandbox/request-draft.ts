// The request the editor holds: a saved request or a draft, in the shape main answers (secret values
// stand as { secret: true, set }), which is also a valid input — the renderer sends back what it was
// given and never sees a secret.
import type { Environment, KeyValueRow, RequestDraft, SavedRequest, SecretValue } from '../../../../shared/contract';

/** A shape from main with every secret also allowed as a new plain value typed in the editor. */
export type WithSecretInputs<T> = T extends SecretValue ? string | SecretValue : T extends readonly (infer E)[] ? WithSecretInputs<E>[] : T extends object ? { [K in keyof T]: WithSecretInputs<T[K]> } : T;

/** The request as the editor holds it. */
export type EditorDraft = WithSecretInputs<RequestDraft>;

export interface EditedRequest {
  /** The saved request this is, if any. */
  savedId: number | null;
  draft: EditorDraft;
  /** Changed since it was opened or saved. */
  dirty: boolean;
}

const VARIABLE = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

export const variablesIn = (text: string): string[] => [...text.matchAll(VARIABLE)].map((match) => match[1]!);

const textsOfRows = (rows: readonly WithSecretInputs<KeyValueRow>[]) => rows.filter((row) => row.enabled).flatMap((row) => [row.name, typeof row.value === 'string' ? row.value : '']);

/** Every {{variable}} the request uses, in order of first use. */
export function variablesUsed(draft: EditorDraft): string[] {
  const texts = [draft.url, ...textsOfRows(draft.query), ...textsOfRows(draft.headers)];
  const body = draft.body;
  if (body.kind === 'json' || body.kind === 'text') texts.push(body.text);
  if (body.kind === 'form-urlencoded') texts.push(...textsOfRows(body.fields));
  return [...new Set(texts.flatMap(variablesIn))];
}

/** The names an environment gives a value to: its enabled variables, and baseUrl when it has one. */
export function variablesOf(environment: Environment | undefined): string[] {
  if (!environment) return [];
  const names = environment.variables.filter((variable) => variable.enabled && (typeof variable.value !== 'string' || variable.value !== '' || variable.secret)).map((variable) => variable.name);
  if (environment.baseUrl) names.push('baseUrl');
  return names;
}

/** The variables the request uses that nothing gives a value to: warned about before sending. */
export function unresolvedVariables(draft: EditorDraft, environment: Environment | undefined, oneOff: Record<string, string> = {}): string[] {
  const known = new Set([...variablesOf(environment), ...Object.keys(oneOff)]);
  return variablesUsed(draft).filter((name) => !known.has(name));
}

export function draftOf(request: SavedRequest): RequestDraft {
  const { id: _id, broken: _broken, oauthToken: _token, createdAt: _created, updatedAt: _updated, ...draft } = request;
  return draft;
}

export const emptyDraft = (systemId: number): RequestDraft => ({
  systemId,
  folder: '',
  name: 'Untitled request',
  method: 'GET',
  url: '{{baseUrl}}/',
  query: [],
  headers: [],
  body: { kind: 'none' },
  auth: { kind: 'inherit' },
  origin: null,
  settings: { followRedirects: true, maxRedirects: 10, timeoutMs: 30_000 },
});

/** "1.2 KB", "3.4 MB". */
export function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "84 ms", "1.2 s"; "—" for a phase that did not happen. */
export const duration = (ms: number | null): string => (ms === null ? '—' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);

/** Methods that change something: confirmed every time against production. */
export const writes = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
