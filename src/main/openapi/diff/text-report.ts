// The diff as readable text, grouped by severity (breaking first): one line per change, a field
// with several changed aspects giving one line per aspect in that aspect's group.
import type { AspectChange, CatalogueDiff, DiffEntity, DiffSeverity, FieldRef } from '../../../shared/catalogue-diff';
import { describeChange } from './describe';
import { SEVERITIES } from './severity';

interface Line {
  severity: DiffSeverity;
  subject: string;
  text: string;
}

const TITLES: Record<DiffSeverity, string> = { breaking: 'Breaking', risky: 'Risky', info: 'Info' };
const SUBJECT_WIDTH = 40;
const REASONS = { 'similar-name': 'similar name', 'same-description': 'same description', moved: 'same name, other depth' };

const entityLabel = (entity: DiffEntity) => (entity.kind === 'body' ? `${entity.name} (body)` : entity.name);
const fieldSubject = (entity: DiffEntity, path: string) => (path.startsWith('[') ? `${entityLabel(entity)}${path}` : `${entityLabel(entity)}.${path}`);
const under = (field: FieldRef) => (field.descendants ? ` with ${field.descendants.length} field${field.descendants.length === 1 ? '' : 's'} under it` : '');

function collect(diff: CatalogueDiff): Line[] {
  const lines: Line[] = [];
  const add = (severity: DiffSeverity, subject: string, text: string) => lines.push({ severity, subject, text });
  const aspects = (subject: string, changes: AspectChange[], prefix = '') => {
    for (const change of changes) add(change.severity, subject, prefix + describeChange(change));
  };

  for (const entity of diff.entities.removed) add(entity.severity, entityLabel(entity), 'entity removed');
  for (const entity of diff.entities.added) add(entity.severity, entityLabel(entity), 'entity added');
  for (const entity of diff.entities.changed) {
    aspects(entityLabel(entity), entity.root);
    const { added, removed, changed, renamed } = entity.fields;
    for (const field of removed) add(field.severity, fieldSubject(entity, field.path), `removed${under(field)}`);
    for (const rename of renamed) {
      const extra = rename.changes.map(describeChange).join('; ');
      add(rename.severity, fieldSubject(entity, rename.from.path), `renamed? → ${rename.to.path} (${REASONS[rename.reason]})${extra ? `; ${extra}` : ''}`);
    }
    for (const field of changed) aspects(fieldSubject(entity, field.path), field.changes);
    for (const field of added) add(field.severity, fieldSubject(entity, field.path), `added (${field.type}${field.required ? ', required' : ''})${under(field)}`);
    if (entity.incomplete) add('info', entityLabel(entity), 'compared up to the catalogue limits only');
  }

  for (const operation of diff.operations.removed) add(operation.severity, operation.id, 'operation removed');
  for (const operation of diff.operations.added) add(operation.severity, operation.id, 'operation added');
  for (const operation of diff.operations.changed) {
    aspects(operation.id, operation.changes);
    const { parameters, responses } = operation;
    for (const parameter of parameters.removed) add(parameter.severity, operation.id, `parameter ${parameter.name} (${parameter.in}) removed`);
    for (const parameter of parameters.added) {
      add(parameter.severity, operation.id, `parameter ${parameter.name} (${parameter.in}) added${parameter.required ? ', required' : ''}`);
    }
    for (const parameter of parameters.changed) aspects(operation.id, parameter.changes, `parameter ${parameter.name} (${parameter.in}): `);
    aspects(operation.id, operation.request, 'request ');
    for (const response of responses.removed) add(response.severity, operation.id, `response ${response.status} removed`);
    for (const response of responses.added) add(response.severity, operation.id, `response ${response.status} added`);
    for (const response of responses.changed) aspects(operation.id, response.changes, `response ${response.status}: `);
  }

  for (const scheme of diff.securitySchemes.removed) add(scheme.severity, `security scheme ${scheme.name}`, 'removed');
  for (const scheme of diff.securitySchemes.added) add(scheme.severity, `security scheme ${scheme.name}`, `added (${scheme.type})`);
  for (const scheme of diff.securitySchemes.changed) aspects(`security scheme ${scheme.name}`, scheme.changes);

  for (const server of diff.servers.removed) add(server.severity, `server ${server.url}`, 'removed');
  for (const server of diff.servers.added) add(server.severity, `server ${server.url}`, 'added');
  for (const server of diff.servers.changed) aspects(`server ${server.url}`, server.changes);
  return lines;
}

/** The report's lines: a summary line, then one group per severity that has changes. */
export function formatDiffReport(diff: CatalogueDiff): string[] {
  const { breaking, risky, info, total } = diff.summary;
  if (total === 0) return ['No changes.'];
  const output = [`${total} change${total === 1 ? '' : 's'}: ${breaking} breaking, ${risky} risky, ${info} info.`];
  const lines = collect(diff);
  for (const severity of SEVERITIES) {
    const group = lines.filter((line) => line.severity === severity);
    if (group.length === 0) continue;
    const width = Math.min(SUBJECT_WIDTH, Math.max(...group.map((line) => line.subject.length)));
    output.push('', TITLES[severity]);
    for (const line of group) {
      output.push(`  ${line.subject.padEnd(width)}  ${line.text}`);
    }
  }
  return output;
}
