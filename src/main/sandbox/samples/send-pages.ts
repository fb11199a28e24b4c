// The pages of "sample N records" sent through the request client's send path: each page is the saved
// request (or the draft) sent as `crosswalk send` sends it — its variables, auth and OAuth, cookies, TLS
// and proxy — with only its paging parameters changed, and leaves a history entry the page's sample
// points at (its provenance).
import fs from 'node:fs';
import type { KeyValueRowInput } from '../../../shared/contract';
import { UserError } from '../../errors';
import { environmentVariableOf } from '../../platform/secrets';
import { resolveForCopy, send, type SendDeps, type SendInput } from '../send/send';
import { wireRequest } from '../send/wire';
import { getRequest } from '../store/requests';
import type { FetchPage } from './sample-records';

export interface PagedRequest {
  request: SendInput['request'];
  environmentId: number | null;
  variables: Record<string, string>;
}

export interface SendPaging {
  /** The first page's address as the request resolves it (variables in, secrets known to the redactor). */
  url: string;
  /** The catalogue operation the request was made from (`GET /customers`), when it records one. */
  operation: string | undefined;
  systemId: number;
  fetchPage: FetchPage;
}

type Draft = Extract<SendInput['request'], { draft: unknown }>['draft'];

export function sendPaging(deps: SendDeps, input: PagedRequest): SendPaging {
  const resolved = resolveForCopy(deps, input);
  if (resolved.unresolved.length > 0) {
    throw new UserError('SAMPLE_UNRESOLVED', `Nothing was sent: these values are missing: ${resolved.unresolved.map((name) => `${name} (--var ${name}=… or ${environmentVariableOf(name)})`).join(', ')}.`);
  }
  if (resolved.method !== 'GET') throw new UserError('SAMPLE_NOT_GET', `Records are sampled with GET requests only; this request is a ${resolved.method}: sample a list operation's GET.`);
  const first = wireRequest(resolved).url;
  const template: Draft = 'requestId' in input.request ? (getRequest(deps.store, input.request.requestId) as unknown as Draft) : input.request.draft;
  const basedOn = 'requestId' in input.request ? input.request.requestId : input.request.basedOn;
  const fetchPage: FetchPage = async (url, signal) => {
    const outcome = await send(deps, { request: { draft: pageDraft(template, first, new URL(url)), basedOn }, environmentId: input.environmentId, variables: input.variables, confirmProduction: false, signal });
    switch (outcome.outcome) {
      case 'unresolved':
        throw new UserError('SAMPLE_UNRESOLVED', `Nothing was sent: these values are missing: ${outcome.unresolved.join(', ')}.`);
      case 'needs-confirmation':
        throw new UserError('SAMPLE_NOT_GET', outcome.message);
      case 'failed':
        if (outcome.failure.kind === 'cancelled') signal?.throwIfAborted();
        throw new UserError('SAMPLE_PAGE_FAILED', outcome.failure.message);
      case 'response': {
        const { result } = outcome;
        const text = result.bodyId ? fs.readFileSync(deps.cache.pathOf(result.bodyId), 'utf8') : '';
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        const headers: Record<string, string> = {};
        for (const [name, value] of result.headers) headers[name.toLowerCase()] = headers[name.toLowerCase()] === undefined ? value : `${headers[name.toLowerCase()]}, ${value}`;
        return { status: result.status, headers, body, historyId: result.historyId };
      }
    }
  };
  return { url: first.href, operation: template.origin?.operation, systemId: template.systemId, fetchPage };
}

/**
 * The request for one page: the paging parameters that differ from the first page's address set as
 * query rows (taken out of the address template when written there); any other address (a Link
 * header's, a body's next URL) sent as it is.
 */
function pageDraft(template: Draft, first: URL, page: URL): Draft {
  if (page.origin !== first.origin || page.pathname !== first.pathname) return { ...template, url: page.href, query: [] };
  const names = new Set([...first.searchParams.keys(), ...page.searchParams.keys()]);
  const changed = new Set([...names].filter((name) => first.searchParams.getAll(name).join('\u0000') !== page.searchParams.getAll(name).join('\u0000')));
  if (changed.size === 0) return template;
  const [address, search] = splitOnce(template.url, '?');
  const kept = search === undefined ? [] : search.split('&').filter((pair) => pair !== '' && !changed.has(safeDecode(splitOnce(pair, '=')[0])));
  const rows: KeyValueRowInput[] = [...changed].flatMap((name) => page.searchParams.getAll(name).map((value) => ({ name, value, enabled: true, secret: false })));
  return {
    ...template,
    url: kept.length > 0 ? `${address}?${kept.join('&')}` : address,
    query: [...template.query.filter((row) => !changed.has(row.name.trim())), ...rows],
  };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
