// `crosswalk requests`, `crosswalk send` and `crosswalk secret set`: the sandbox from the command line.
import fs from 'node:fs';
import type { SavedRequest, SendResult } from '../../../shared/contract';
import { UserError } from '../../errors';
import { findSystemByName, listSystems } from '../../openapi/systems';
import { environmentVariableOf } from '../../platform/secrets';
import type { Services } from '../../platform/services';
import { sandboxOf } from '../../sandbox/sandbox';
import { OAuthTokens, printingOpenExternal, sandboxTokenSource } from '../../sandbox/oauth';
import { send, type SendDeps } from '../../sandbox/send/send';
import type { BodyCache } from '../../sandbox/store/body-cache';
import { systemScope, type SandboxStore } from '../../sandbox/store/context';
import { findEnvironmentByName, saveEnvironment } from '../../sandbox/store/environments';
import { listRequests } from '../../sandbox/store/requests';
import { appDataDir } from '../../settings/settings';
import { writeWithSecrets } from '../../workspace/secrets';
import { openWorkspace, type Workspace } from '../../workspace/workspace';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

/** Bodies up to this size are printed whole (parsed when JSON); larger ones are named by their file. */
const PRINTED_BODY_BYTES = 1024 * 1024;

export async function withWorkspace<T>(file: string, run: (workspace: Workspace) => Promise<T>): Promise<T> {
  const workspace = await openWorkspace(file);
  try {
    return await run(workspace);
  } finally {
    workspace.close();
  }
}

const requestPath = (request: Pick<SavedRequest, 'folder' | 'name'>) => (request.folder ? `${request.folder}/${request.name}` : request.name);

export async function requestsCommand([file, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!file || extra.length > 0) throw new UsageError('requests takes one argument: the workspace file.');
  return withWorkspace(file, async (workspace) => {
    const systems = new Map(listSystems(workspace).map((system) => [system.id, system.name]));
    const requests = listRequests(sandboxOf(workspace, services, appDataDir()).store);
    if (flags.json) {
      io.out(JSON.stringify(requests.map((request) => ({ system: systems.get(request.systemId), ...request }))));
      return 0;
    }
    if (requests.length === 0) io.out('No saved requests.');
    for (const request of requests) {
      const broken = request.broken ? `  [broken: ${request.broken.reason}]` : '';
      io.out(`${systems.get(request.systemId)}/${requestPath(request)}  ${request.method} ${request.url}${broken}`);
    }
    return 0;
  });
}

export async function sendCommand([file, target, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!file || !target || extra.length > 0) throw new UsageError('send takes two arguments: the workspace file and <system>/<request>.');
  const variables = parseVariables(flags.vars ?? []);
  return withWorkspace(file, async (workspace) => {
    const { store, cache } = sandboxOf(workspace, services, appDataDir());
    const { system, request } = targetRequest(workspace, store, file, target);
    const environmentId = environmentOf(store, system, flags.env);
    const outcome = await send(cliSendDeps({ store, cache }, services, io), { request: { requestId: request.id }, environmentId, variables, confirmProduction: flags.confirmProduction ?? false });
    switch (outcome.outcome) {
      case 'unresolved': {
        const names = outcome.unresolved.map((name) => `${name} (--var ${name}=… or ${environmentVariableOf(name)})`).join(', ');
        io.err(`crosswalk: nothing was sent: these values are missing: ${names}.`);
        return 1;
      }
      case 'needs-confirmation':
        io.err(`crosswalk: nothing was sent: ${outcome.message} Add --confirm-production to send it.`);
        return 1;
      case 'failed':
        io.err(`crosswalk: ${outcome.failure.message}`);
        return 1;
      case 'response':
        print(outcome.result, cache.pathOf.bind(cache), flags.json, io);
        return 0;
    }
  });
}

/** The send path as the command line runs it: OAuth 2.0 sign-ins print the address to open. */
export function cliSendDeps(sandbox: { store: SandboxStore; cache: BodyCache }, services: Services, io: Io): SendDeps {
  const oauth = sandboxTokenSource(new OAuthTokens({ http: services.http, redactor: services.redactor, openExternal: printingOpenExternal(io.err) }));
  return { ...sandbox, http: services.http, redactor: services.redactor, oauth };
}

/** The saved request `<system>/<request>` names (its folder path, or its name when that is unique). */
export function targetRequest(workspace: Workspace, store: SandboxStore, file: string, target: string): { system: { id: number; name: string }; request: SavedRequest } {
  const slash = target.indexOf('/');
  if (slash <= 0) throw new UsageError(`"${target}" does not name a request: write <system>/<request> (e.g. crm/Get customer).`);
  const system = findSystemByName(workspace, target.slice(0, slash));
  if (!system) throw new UserError('SYSTEM_NOT_FOUND', `The workspace has no system named "${target.slice(0, slash)}": see crosswalk info ${file}.`);
  const wanted = target.slice(slash + 1);
  const candidates = listRequests(store, system.id);
  const matches = candidates.filter((request) => requestPath(request) === wanted || request.name === wanted);
  if (matches.length !== 1) {
    const known = candidates.map((request) => `"${requestPath(request)}"`).join(', ') || 'none';
    throw new UserError('REQUEST_NOT_FOUND', matches.length ? `Several requests of ${system.name} are named "${wanted}": give the folder too (${matches.map((request) => `"${requestPath(request)}"`).join(', ')}).` : `${system.name} has no saved request "${wanted}" (saved: ${known}).`);
  }
  return { system, request: matches[0]! };
}

/** The id of the system's environment named by --env, or null without it. */
export function environmentOf(store: SandboxStore, system: { id: number; name: string }, name: string | undefined): number | null {
  if (!name) return null;
  const environment = findEnvironmentByName(store, system.id, name);
  if (!environment) throw new UserError('ENVIRONMENT_NOT_FOUND', `${system.name} has no environment named "${name}".`);
  return environment.id;
}

function print(result: SendResult, bodyFile: (bodyId: string) => string, json: boolean, io: Io): void {
  const file = result.bodyId ? bodyFile(result.bodyId) : undefined;
  const whole = file && result.size <= PRINTED_BODY_BYTES ? fs.readFileSync(file) : undefined;
  const text = whole ? new TextDecoder().decode(whole) : result.preview.text;
  let body: unknown = result.bodyId ? text : null;
  if (whole && result.preview.kind === 'json') {
    try {
      body = JSON.parse(text);
    } catch {
      // Malformed JSON is printed as the text it is.
    }
  }
  const truncated = Boolean(file) && !whole;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of result.headers) headers[name] = headers[name] === undefined ? value : [headers[name]].flat().concat(value);
  if (json) {
    const { dns, connect, tls, firstByte, download, total } = result.timings;
    io.out(
      JSON.stringify({
        request: { method: result.request.method, url: result.request.url },
        status: result.status,
        timings: { dns, connect, tls, firstByte, download, total },
        headers,
        size: result.size,
        body,
        ...(truncated ? { bodyFile: file, bodyTruncated: true } : {}),
      }),
    );
    return;
  }
  const ms = (value: number | null) => (value === null ? '-' : `${Math.round(value)} ms`);
  const t = result.timings;
  io.out(`${result.request.method} ${result.request.url}`);
  io.out(`${result.status} ${result.statusText}  ${result.size.toLocaleString('en-US')} bytes  dns ${ms(t.dns)}, connect ${ms(t.connect)}, tls ${ms(t.tls)}, first byte ${ms(t.firstByte)}, download ${ms(t.download)}, total ${ms(t.total)}`);
  for (const [name, value] of result.headers) io.out(`${name}: ${value}`);
  io.out('');
  if (result.bodyId) io.out(typeof body === 'string' ? body : JSON.stringify(body, null, 2));
  if (truncated) io.out(`\n(the first ${result.preview.text.length.toLocaleString('en-US')} characters of ${result.size.toLocaleString('en-US')} bytes; the whole body is in ${file})`);
}

export function parseVariables(pairs: string[]): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`--var takes name=value, not "${pair}".`);
    variables[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return variables;
}

/** `crosswalk secret set <workspace> <system> <name> [--env NAME]`, the value from standard input. */
export async function secretCommand([action, file, systemName, name, ...extra]: string[], flags: Flags, io: Io, services: Services, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  if (action !== 'set' || !file || !systemName || !name || extra.length > 0) {
    throw new UsageError('secret takes: set <workspace> <system> <name> [--env NAME], with the value on standard input.');
  }
  const value = (await readAll(stdin)).replace(/\r?\n$/, '');
  if (value === '') throw new UserError('SECRET_EMPTY', `No value came on standard input for "${name}": pipe it in (e.g. crosswalk secret set … < token.txt).`);
  return withWorkspace(file, async (workspace) => {
    const { store } = sandboxOf(workspace, services, appDataDir());
    const system = findSystemByName(workspace, systemName);
    if (!system) throw new UserError('SYSTEM_NOT_FOUND', `The workspace has no system named "${systemName}": see crosswalk info ${file}.`);
    if (!flags.env) {
      writeWithSecrets(workspace, store.secrets, (_db, secrets) => secrets.set({ scope: systemScope(system.id), name }, value));
      io.out(`Stored the secret {{${name}}} for ${system.name}, sealed.`);
      return 0;
    }
    const environment = findEnvironmentByName(store, system.id, flags.env);
    if (!environment) throw new UserError('ENVIRONMENT_NOT_FOUND', `${system.name} has no environment named "${flags.env}".`);
    const { id, systemId, name: environmentName, kind, baseUrl, variables, tls, proxy, auth } = environment;
    const others = variables.filter((variable) => variable.name !== name);
    saveEnvironment(store, { id, systemId, name: environmentName, kind, baseUrl, variables: [...others, { name, value, secret: true, enabled: true }], tls, proxy, auth });
    io.out(`Stored the secret {{${name}}} in ${system.name}'s environment "${environmentName}", sealed.`);
    return 0;
  });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
