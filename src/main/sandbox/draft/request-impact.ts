// Which saved requests a re-import breaks: their operation removed, or changed incompatibly (the diff
// says "breaking"). Pure: the caller flags them in the re-import's transaction; nothing of a request changes.
import type { CatalogueDiff, OperationChange } from '../../../shared/catalogue-diff';
import type { Workspace } from '../../workspace/workspace';

export interface RequestOrigin {
  requestId: number;
  operation: string;
}

export interface RequestBreak {
  requestId: number;
  reason: string;
}

export function requestImpact(diff: CatalogueDiff, requests: RequestOrigin[]): RequestBreak[] {
  const removed = new Set(diff.operations.removed.map((operation) => operation.id));
  const changed = new Map(diff.operations.changed.filter((operation) => operation.severity === 'breaking').map((operation) => [operation.id, operation]));
  const breaks: RequestBreak[] = [];
  for (const { requestId, operation } of requests) {
    if (removed.has(operation)) breaks.push({ requestId, reason: `${operation} is no longer in the document: point the request at another operation, or delete it.` });
    const change = changed.get(operation);
    if (change) breaks.push({ requestId, reason: `${operation} changed incompatibly (${whatBroke(change)}): check the request against the new document.` });
  }
  return breaks;
}

function whatBroke(change: OperationChange): string {
  const parts: string[] = [];
  const parameter = (name: string, where: string) => `${where} parameter ${name}`;
  for (const removed of change.parameters.removed.filter((each) => each.severity === 'breaking')) parts.push(`${parameter(removed.name, removed.in)} removed`);
  for (const added of change.parameters.added.filter((each) => each.severity === 'breaking')) parts.push(`${parameter(added.name, added.in)} added${added.required ? ', required' : ''}`);
  for (const changed of change.parameters.changed.filter((each) => each.severity === 'breaking')) {
    parts.push(`${parameter(changed.name, changed.in)}: ${changed.changes.filter((each) => each.severity === 'breaking').map((each) => each.aspect).join(', ')}`);
  }
  const request = change.request.filter((each) => each.severity === 'breaking').map((each) => each.aspect);
  if (request.length) parts.push(`request body: ${[...new Set(request)].join(', ')}`);
  const aspects = change.changes.filter((each) => each.severity === 'breaking').map((each) => each.aspect);
  if (aspects.length) parts.push([...new Set(aspects)].join(', '));
  const responses = change.responses.removed.filter((each) => each.severity === 'breaking').length + change.responses.changed.filter((each) => each.severity === 'breaking').length;
  if (responses) parts.push(`${responses} response${responses === 1 ? '' : 's'}`);
  return parts.length ? parts.join('; ') : 'see the diff';
}

/** The system's saved requests that came from an operation. */
export function savedRequestOrigins(workspace: Workspace, systemId: number): RequestOrigin[] {
  return workspace.read(
    (db) => db.prepare('SELECT id AS requestId, operation FROM sandbox_request WHERE system_id = ? AND operation IS NOT NULL').all(systemId) as RequestOrigin[],
  );
}
