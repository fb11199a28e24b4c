// What a re-import changes, for the analyst to review before applying it: the affected mappings
// first, then counts by severity (which also filter), then entities and their fields, operations,
// security schemes and servers.
import { useState, type ReactNode } from 'react';
import type {
  CatalogueDiff,
  DiffField,
  DiffSeverity,
  EntityChange,
  FieldChange,
  FieldRename,
  MappingImpact,
  OperationChange,
} from '../../../../shared/catalogue-diff';
import { CheckCircleIcon } from '../../components/icons';
import { plural } from '../../format';
import { ChangeList, renameReasons, SeverityBadge, severities, severityHints, severityLabels } from './diff-text';
import { ImpactList } from './ImpactList';
import { MethodBadge } from './operation-format';
import { EnvironmentBadge } from './ServersTab';

type Shown = (severity: DiffSeverity) => boolean;

interface DiffReviewProps {
  diff: CatalogueDiff;
  impact: readonly MappingImpact[];
  /** "Acme CRM API 2.4.0" before and after. */
  before: { title: string; apiVersion: string };
  after: { title: string; apiVersion: string };
}

export function DiffReview({ diff, impact, before, after }: DiffReviewProps) {
  const [hidden, setHidden] = useState<ReadonlySet<DiffSeverity>>(new Set());
  const shown: Shown = (severity) => !hidden.has(severity);
  const toggle = (severity: DiffSeverity) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(severity)) next.delete(severity);
      else next.add(severity);
      return next;
    });

  const { summary } = diff;
  return (
    <div className="review">
      <div className="review-top">
        <div className="review-versions">
          <span className="review-version">
            <span className="faint">Now</span> {before.title} <code className="value-chip">{before.apiVersion || '—'}</code>
          </span>
          <span className="change-arrow">→</span>
          <span className="review-version">
            <span className="faint">New</span> {after.title} <code className="value-chip">{after.apiVersion || '—'}</code>
          </span>
        </div>
        {summary.total > 0 && (
          <div className="severity-chips" role="group" aria-label="Show changes by severity">
            {severities.map((severity) => (
              <button
                key={severity}
                type="button"
                className={`severity-chip sev-${severity}`}
                aria-pressed={shown(severity)}
                disabled={summary[severity] === 0}
                onClick={() => toggle(severity)}
                title={`${severityHints[severity]}. Click to ${shown(severity) ? 'hide' : 'show'} them.`}
              >
                <span className="severity-count">{summary[severity]}</span>
                {severityLabels[severity].toLowerCase()}
              </button>
            ))}
          </div>
        )}
      </div>

      <ImpactList impact={impact} />

      {summary.total === 0 ? (
        <div className="review-same">
          <CheckCircleIcon />
          <div>
            <div className="impact-title">No difference in entities, fields, operations, authentication or servers</div>
            <div className="impact-lead">Descriptions and examples may still differ. Applying stores the new document as the current version.</div>
          </div>
        </div>
      ) : (
        <>
          <EntitiesSection diff={diff} shown={shown} />
          <OperationsSection diff={diff} shown={shown} />
          <SchemesSection diff={diff} shown={shown} />
          <ServersSection diff={diff} shown={shown} />
        </>
      )}
    </div>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section className="review-section" aria-label={title}>
      <h3 className="review-section-title">
        {title} <span className="count">{count}</span>
      </h3>
      {children}
    </section>
  );
}

function Row({ kind, severity, children, detail }: { kind: 'added' | 'removed' | 'changed' | 'renamed'; severity: DiffSeverity; children: ReactNode; detail?: ReactNode }) {
  const labels = { added: 'Added', removed: 'Removed', changed: 'Changed', renamed: 'Renamed?' };
  return (
    <li className={`diff-row diff-${kind}`}>
      <span className="diff-kind">{labels[kind]}</span>
      <div className="diff-main">
        <div className="diff-subject">{children}</div>
        {detail && <div className="diff-detail">{detail}</div>}
      </div>
      <SeverityBadge severity={severity} />
    </li>
  );
}

// ---- Entities and their fields ----

function EntitiesSection({ diff, shown }: { diff: CatalogueDiff; shown: Shown }) {
  const { added, removed, changed } = diff.entities;
  const removedShown = removed.filter((item) => shown(item.severity));
  const addedShown = added.filter((item) => shown(item.severity));
  const changedShown = changed.filter((item) => entityRows(item, shown).length > 0);
  return (
    <Section title="Entities" count={removedShown.length + addedShown.length + changedShown.length}>
      {(removedShown.length > 0 || addedShown.length > 0) && (
        <ul className="diff-rows diff-rows-boxed">
          {removedShown.map((item) => (
            <Row key={item.id} kind="removed" severity={item.severity} detail={item.kind === 'body' ? 'inline body' : 'schema'}>
              <strong>{item.name}</strong>
            </Row>
          ))}
          {addedShown.map((item) => (
            <Row key={item.id} kind="added" severity={item.severity} detail={item.kind === 'body' ? 'inline body' : 'schema'}>
              <strong>{item.name}</strong>
            </Row>
          ))}
        </ul>
      )}
      {changedShown.map((item) => (
        <EntityCard key={item.id} change={item} shown={shown} />
      ))}
    </Section>
  );
}

/** The rows of one changed entity that pass the severity filter, most severe kinds first. */
function entityRows(change: EntityChange, shown: Shown): ReactNode[] {
  const { fields } = change;
  const rows: ReactNode[] = [];
  const root = change.root.filter((item) => shown(item.severity));
  if (root.length > 0) {
    const worst = severities.find((severity) => root.some((item) => item.severity === severity)) ?? 'info';
    rows.push(
      <Row key="root" kind="changed" severity={worst} detail={<ChangeList changes={root} />}>
        <span className="faint">The entity itself</span>
      </Row>,
    );
  }
  fields.removed.filter((item) => shown(item.severity)).forEach((item) => rows.push(<FieldRow key={`r|${item.path}`} kind="removed" field={item} />));
  fields.renamed.filter((item) => shown(item.severity)).forEach((item) => rows.push(<RenameRow key={`n|${item.from.path}`} rename={item} />));
  fields.changed.filter((item) => shown(item.severity)).forEach((item) => rows.push(<ChangedFieldRow key={`c|${item.path}`} change={item} />));
  fields.added.filter((item) => shown(item.severity)).forEach((item) => rows.push(<FieldRow key={`a|${item.path}`} kind="added" field={item} />));
  return rows;
}

function EntityCard({ change, shown }: { change: EntityChange; shown: Shown }) {
  const rows = entityRows(change, shown);
  const { fields } = change;
  const counts = [
    fields.removed.length > 0 && `${fields.removed.length} removed`,
    fields.renamed.length > 0 && `${fields.renamed.length} renamed`,
    fields.changed.length > 0 && `${fields.changed.length} changed`,
    fields.added.length > 0 && `${fields.added.length} added`,
  ].filter(Boolean);
  return (
    <details className="diff-card" open={change.severity !== 'info' || rows.length <= 6}>
      <summary className="diff-card-summary">
        <span className="diff-card-caret" aria-hidden="true" />
        <strong className="diff-card-name">{change.name}</strong>
        <span className={change.kind === 'schema' ? 'badge badge-outline' : 'badge badge-violet'}>{change.kind}</span>
        <span className="diff-card-counts">{counts.length > 0 ? `Fields: ${counts.join(' · ')}` : 'Its own shape changed'}</span>
        <SeverityBadge severity={change.severity} />
      </summary>
      {change.incomplete && (
        <p className="diff-note">
          One version has more fields than the catalogue lists, so some fields reported as added or removed may only have
          moved past that limit.
        </p>
      )}
      <ul className="diff-rows">{rows}</ul>
    </details>
  );
}

function Descendants({ paths }: { paths: readonly string[] | undefined }) {
  if (!paths || paths.length === 0) return null;
  return (
    <span className="faint" title={paths.join('\n')}>
      {' '}
      with {plural(paths.length, 'field')} under it
    </span>
  );
}

function FieldRow({ kind, field }: { kind: 'added' | 'removed'; field: DiffField }) {
  return (
    <Row
      kind={kind}
      severity={field.severity}
      detail={
        <>
          <span className="mono">{field.type}</span>
          {field.required && <span className="faint"> · required</span>}
          <Descendants paths={field.descendants} />
        </>
      }
    >
      <span className="mono diff-path">{field.path}</span>
    </Row>
  );
}

function ChangedFieldRow({ change }: { change: FieldChange }) {
  return (
    <Row kind="changed" severity={change.severity} detail={<ChangeList changes={change.changes} />}>
      <span className="mono diff-path">{change.path}</span>
    </Row>
  );
}

function RenameRow({ rename }: { rename: FieldRename }) {
  return (
    <Row
      kind="renamed"
      severity={rename.severity}
      detail={
        <>
          <span className="faint">A guess for you to confirm: {renameReasons[rename.reason]}.</span>
          <ChangeList changes={rename.changes} />
        </>
      }
    >
      <span className="mono diff-path">{rename.from.path}</span> <span className="change-arrow">→</span>{' '}
      <span className="mono diff-path">{rename.to.path}</span>
    </Row>
  );
}

// ---- Operations ----

function OperationsSection({ diff, shown }: { diff: CatalogueDiff; shown: Shown }) {
  const { added, removed, changed } = diff.operations;
  const removedShown = removed.filter((item) => shown(item.severity));
  const addedShown = added.filter((item) => shown(item.severity));
  const changedShown = changed.filter((item) => operationDetails(item, shown).length > 0);
  const operation = (method: string, path: string, operationId?: string) => (
    <>
      <MethodBadge method={method} /> <span className="mono diff-path">{path}</span>
      {operationId && <span className="faint"> {operationId}</span>}
    </>
  );
  return (
    <Section title="Operations" count={removedShown.length + addedShown.length + changedShown.length}>
      <ul className="diff-rows diff-rows-boxed">
        {removedShown.map((item) => (
          <Row key={item.id} kind="removed" severity={item.severity}>
            {operation(item.method, item.path, item.operationId)}
          </Row>
        ))}
        {changedShown.map((item) => (
          <Row key={item.id} kind="changed" severity={item.severity} detail={<ul className="change-list">{operationDetails(item, shown)}</ul>}>
            {operation(item.method, item.path, item.operationId)}
          </Row>
        ))}
        {addedShown.map((item) => (
          <Row key={item.id} kind="added" severity={item.severity}>
            {operation(item.method, item.path, item.operationId)}
          </Row>
        ))}
      </ul>
    </Section>
  );
}

function operationDetails(change: OperationChange, shown: Shown): ReactNode[] {
  const lines: ReactNode[] = [];
  const push = (key: string, content: ReactNode) => lines.push(<li key={key}>{content}</li>);
  change.changes.filter((item) => shown(item.severity)).forEach((item, index) => push(`c${index}`, <ChangeList changes={[item]} />));
  const { parameters, request, responses } = change;
  parameters.removed
    .filter((item) => shown(item.severity))
    .forEach((item) =>
      push(`pr|${item.in}|${item.name}`, (
        <span className="change">
          Parameter removed: <code className="value-chip value-removed">− {item.name}</code> <span className="faint">in {item.in}</span>
        </span>
      )),
    );
  parameters.added
    .filter((item) => shown(item.severity))
    .forEach((item) =>
      push(`pa|${item.in}|${item.name}`, (
        <span className="change">
          Parameter added: <code className="value-chip value-added">+ {item.name}</code>{' '}
          <span className="faint">
            in {item.in} · {item.type}
            {item.required ? ' · required' : ''}
          </span>
        </span>
      )),
    );
  parameters.changed
    .filter((item) => shown(item.severity))
    .forEach((item) =>
      push(`pc|${item.in}|${item.name}`, (
        <div className="change-group">
          <span className="change">
            Parameter <code className="value-chip">{item.name}</code> <span className="faint">in {item.in}</span>
          </span>
          <ChangeList changes={item.changes} />
        </div>
      )),
    );
  const requestShown = request.filter((item) => shown(item.severity));
  if (requestShown.length > 0) {
    push(
      'req',
      <div className="change-group">
        <span className="change">Request body</span>
        <ChangeList changes={requestShown} />
      </div>,
    );
  }
  responses.removed
    .filter((item) => shown(item.severity))
    .forEach((item) =>
      push(`rr|${item.status}`, (
        <span className="change">
          Response removed: <code className="value-chip value-removed">− {item.status}</code>
          {item.entity && <span className="faint"> {item.entity}</span>}
        </span>
      )),
    );
  responses.added
    .filter((item) => shown(item.severity))
    .forEach((item) =>
      push(`ra|${item.status}`, (
        <span className="change">
          Response added: <code className="value-chip value-added">+ {item.status}</code>
          {item.entity && <span className="faint"> {item.entity}</span>}
        </span>
      )),
    );
  responses.changed
    .filter((item) => shown(item.severity))
    .forEach((item) =>
      push(`rc|${item.status}`, (
        <div className="change-group">
          <span className="change">
            Response <code className="value-chip">{item.status}</code>
          </span>
          <ChangeList changes={item.changes} />
        </div>
      )),
    );
  return lines;
}

// ---- Security schemes and servers ----

function SchemesSection({ diff, shown }: { diff: CatalogueDiff; shown: Shown }) {
  const { added, removed, changed } = diff.securitySchemes;
  const items = [
    ...removed.filter((item) => shown(item.severity)).map((item) => ({ kind: 'removed' as const, item, changes: [] })),
    ...changed.filter((item) => shown(item.severity)).map((item) => ({ kind: 'changed' as const, item, changes: item.changes.filter((change) => shown(change.severity)) })),
    ...added.filter((item) => shown(item.severity)).map((item) => ({ kind: 'added' as const, item, changes: [] })),
  ];
  return (
    <Section title="Authentication" count={items.length}>
      <ul className="diff-rows diff-rows-boxed">
        {items.map(({ kind, item, changes }) => (
          <Row key={`${kind}|${item.name}`} kind={kind} severity={item.severity} detail={changes.length > 0 ? <ChangeList changes={changes} /> : undefined}>
            <span className="mono diff-path">{item.name}</span> <span className="faint">{item.type}</span>
          </Row>
        ))}
      </ul>
    </Section>
  );
}

function ServersSection({ diff, shown }: { diff: CatalogueDiff; shown: Shown }) {
  const { added, removed, changed } = diff.servers;
  const items = [
    ...removed.filter((item) => shown(item.severity)).map((item) => ({ kind: 'removed' as const, item, changes: [] })),
    ...changed.filter((item) => shown(item.severity)).map((item) => ({ kind: 'changed' as const, item, changes: item.changes.filter((change) => shown(change.severity)) })),
    ...added.filter((item) => shown(item.severity)).map((item) => ({ kind: 'added' as const, item, changes: [] })),
  ];
  return (
    <Section title="Servers" count={items.length}>
      <ul className="diff-rows diff-rows-boxed">
        {items.map(({ kind, item, changes }, index) => (
          <Row key={`${kind}|${item.url}|${index}`} kind={kind} severity={item.severity} detail={changes.length > 0 ? <ChangeList changes={changes} /> : undefined}>
            <span className="mono diff-path">{item.url}</span> <EnvironmentBadge environment={item.environment} />
          </Row>
        ))}
      </ul>
    </Section>
  );
}

