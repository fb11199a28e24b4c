// How one change reads in the diff review: "Max length 64 → 32 (tightened)", "Became required",
// "Allowed values − cancelled + on_hold". Values from the document are shown as code.
import type { AspectChange, ChangeAspect, DiffSeverity, RenameReason } from '../../../../shared/catalogue-diff';
import { valueText } from './field-format';

export const severities: readonly DiffSeverity[] = ['breaking', 'risky', 'info'];

export const severityLabels: Record<DiffSeverity, string> = { breaking: 'Breaking', risky: 'Risky', info: 'Info' };

export const severityHints: Record<DiffSeverity, string> = {
  breaking: 'What worked may stop working',
  risky: 'May need a decision',
  info: 'Nothing should break',
};

export function SeverityBadge({ severity }: { severity: DiffSeverity }) {
  return (
    <span className={`badge badge-dot sev sev-${severity}`} title={severityHints[severity]}>
      {severityLabels[severity]}
    </span>
  );
}

const aspectLabels: Record<ChangeAspect, string> = {
  type: 'Type',
  format: 'Format',
  required: 'Required',
  nullable: 'Nullable',
  enum: 'Allowed values',
  minLength: 'Min length',
  maxLength: 'Max length',
  minimum: 'Minimum',
  maximum: 'Maximum',
  exclusiveMinimum: 'Exclusive minimum',
  exclusiveMaximum: 'Exclusive maximum',
  pattern: 'Pattern',
  minItems: 'Min items',
  maxItems: 'Max items',
  readOnly: 'Read-only',
  writeOnly: 'Write-only',
  deprecated: 'Deprecated',
  default: 'Default',
  ref: 'Schema',
  itemType: 'Element type',
  itemRef: 'Element schema',
  itemFormat: 'Element format',
  itemEnum: 'Element values',
  mapValueType: 'Map value type',
  variants: 'Variants',
  name: 'Name',
  operationId: 'Operation ID',
  security: 'Authentication',
  body: 'Body',
  entity: 'Entity',
  array: 'List',
  mediaType: 'Media type',
  schemeType: 'Scheme type',
  in: 'Sent in',
  parameterName: 'Parameter name',
  scheme: 'HTTP scheme',
  bearerFormat: 'Bearer format',
  openIdConnectUrl: 'OpenID Connect URL',
  flows: 'OAuth flows',
  authorizationUrl: 'Authorization URL',
  tokenUrl: 'Token URL',
  refreshUrl: 'Refresh URL',
  scopes: 'Scopes',
  url: 'URL',
  environment: 'Environment',
  variables: 'Variables',
};

export const aspectLabel = (aspect: ChangeAspect) => aspectLabels[aspect] ?? aspect;

const flagWords: Partial<Record<ChangeAspect, [on: string, off: string]>> = {
  required: ['Became required', 'Became optional'],
  nullable: ['Became nullable', 'No longer nullable'],
  readOnly: ['Became read-only', 'No longer read-only'],
  writeOnly: ['Became write-only', 'No longer write-only'],
  deprecated: ['Deprecated', 'No longer deprecated'],
  array: ['Became a list', 'No longer a list'],
};

export const renameReasons: Record<RenameReason, string> = {
  'similar-name': 'similar name, same parent and type',
  'same-description': 'same description, same parent and type',
  moved: 'same words at another place',
};

const LONG = 80;

export function Value({ value }: { value: unknown }) {
  if (value === undefined) return <span className="faint">none</span>;
  const text = valueText(value);
  return (
    <code className="value-chip" title={text.length > LONG ? text : undefined}>
      {text.length > LONG ? `${text.slice(0, LONG - 1)}…` : text}
    </code>
  );
}

function Values({ values, tone }: { values: readonly unknown[]; tone: 'added' | 'removed' }) {
  return (
    <>
      {values.map((value, index) => (
        <code key={index} className={`value-chip value-${tone}`} title={tone === 'added' ? 'Added' : 'Removed'}>
          {tone === 'added' ? '+ ' : '− '}
          {valueText(value)}
        </code>
      ))}
    </>
  );
}

/** One aspect change as a short phrase. */
export function ChangeText({ change }: { change: AspectChange }) {
  const label = aspectLabel(change.aspect);
  const where = change.within ? <span className="faint"> ({change.within})</span> : null;
  const flag = flagWords[change.aspect];
  if (flag && typeof change.after === 'boolean') {
    return (
      <span className="change">
        {flag[change.after ? 0 : 1]}
        {where}
      </span>
    );
  }
  if (change.aspect === 'body') {
    return (
      <span className="change">
        {change.after !== undefined ? 'Body added: ' : 'Body removed: '}
        <Value value={change.after ?? change.before} />
        {where}
      </span>
    );
  }
  if (change.added !== undefined || change.removed !== undefined) {
    if (change.direction === 'tightened' && Array.isArray(change.after) && !change.removed?.length) {
      return (
        <span className="change">
          {label} introduced: <Values values={change.after} tone="added" />
          {where}
        </span>
      );
    }
    if (change.direction === 'loosened' && Array.isArray(change.before) && !change.added?.length) {
      return (
        <span className="change">
          {label} dropped, any value allowed (was <Values values={change.before} tone="removed" />){where}
        </span>
      );
    }
    return (
      <span className="change">
        {label}: {change.removed && <Values values={change.removed} tone="removed" />}{' '}
        {change.added && <Values values={change.added} tone="added" />}
        {where}
      </span>
    );
  }
  return (
    <span className="change">
      {label}: <Value value={change.before} /> <span className="change-arrow">→</span> <Value value={change.after} />
      {change.direction && <span className={`direction direction-${change.direction}`}>{change.direction}</span>}
      {where}
    </span>
  );
}

/** Several changes of one item, one per line. */
export function ChangeList({ changes }: { changes: readonly AspectChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul className="change-list">
      {changes.map((change, index) => (
        <li key={`${change.aspect}|${index}`}>
          <ChangeText change={change} />
        </li>
      ))}
    </ul>
  );
}

/** "schema:Order" → "Order"; names as flows store them stay as they are. */
export const entityLabel = (entity: string) => entity.replace(/^(schema|body):/, '');
