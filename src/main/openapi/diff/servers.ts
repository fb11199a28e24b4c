// Servers matched by URL; a server whose URL changed is paired with its successor when they share
// a host, or when it is the only one left on each side (`…/v3` → `…/v4`).
// Server changes are at most risky: they change where calls go, not what the mappings mean.
import type { CatalogueServer, CatalogueServerVariable } from '../../../shared/catalogue';
import type { AddedRemovedChanged, AspectChange, DiffServer, ServerChange } from '../../../shared/catalogue-diff';
import { enumChange, textChange } from './aspects';
import { worst } from './severity';
import { listDelta } from './values';

const serverRef = (server: CatalogueServer, severity: DiffServer['severity']): DiffServer => ({ url: server.url, environment: server.environment, severity });

const hostOf = (server: CatalogueServer) => /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(server.resolvedUrl)?.[1]?.toLowerCase();

function variableChanges(before: CatalogueServerVariable, after: CatalogueServerVariable): AspectChange[] {
  return [textChange('default', before.default, after.default, 'risky'), enumChange('enum', before.enum, after.enum)]
    .filter((change): change is AspectChange => change !== undefined)
    .map((change) => ({ ...change, severity: change.severity === 'breaking' ? 'risky' : change.severity, within: after.name }));
}

function serverChanges(before: CatalogueServer, after: CatalogueServer): AspectChange[] {
  const names = listDelta(
    before.variables.map((variable) => variable.name),
    after.variables.map((variable) => variable.name),
  );
  const changes: Array<AspectChange | undefined> = [
    textChange('url', before.url, after.url, 'risky'),
    textChange('environment', before.environment, after.environment, 'risky'),
  ];
  if (names.added.length > 0 || names.removed.length > 0) {
    changes.push({ aspect: 'variables', severity: names.removed.length > 0 ? 'risky' : 'info', added: names.added, removed: names.removed });
  }
  for (const variable of after.variables) {
    const old = before.variables.find((candidate) => candidate.name === variable.name);
    if (old) changes.push(...variableChanges(old, variable));
  }
  return changes.filter((change): change is AspectChange => change !== undefined);
}

/** Pairs of (old, new) servers: same URL first, then same host, then the last one left on each side. */
function pairServers(before: CatalogueServer[], after: CatalogueServer[]): Array<[CatalogueServer, CatalogueServer]> {
  const pairs: Array<[CatalogueServer, CatalogueServer]> = [];
  const leftBefore = [...before];
  const leftAfter = [...after];
  const take = (matches: (old: CatalogueServer, now: CatalogueServer) => boolean) => {
    for (const old of [...leftBefore]) {
      const index = leftAfter.findIndex((now) => matches(old, now));
      if (index === -1) continue;
      pairs.push([old, leftAfter[index]!]);
      leftAfter.splice(index, 1);
      leftBefore.splice(leftBefore.indexOf(old), 1);
    }
  };
  take((old, now) => old.url === now.url);
  take((old, now) => hostOf(old) !== undefined && hostOf(old) === hostOf(now));
  if (leftBefore.length === 1 && leftAfter.length === 1) take(() => true);
  return pairs;
}

export function diffServers(before: CatalogueServer[], after: CatalogueServer[]): AddedRemovedChanged<DiffServer, ServerChange> {
  const pairs = pairServers(before, after);
  const pairedBefore = new Set(pairs.map(([old]) => old));
  const pairedAfter = new Set(pairs.map(([, now]) => now));
  const changed: ServerChange[] = [];
  for (const now of after) {
    const old = pairs.find(([, candidate]) => candidate === now)?.[0];
    if (!old) continue;
    const changes = serverChanges(old, now);
    if (changes.length > 0) changed.push({ ...serverRef(old, worst(...changes)), changes });
  }
  return {
    added: after.filter((server) => !pairedAfter.has(server)).map((server) => serverRef(server, 'info')),
    removed: before.filter((server) => !pairedBefore.has(server)).map((server) => serverRef(server, 'risky')),
    changed,
  };
}
