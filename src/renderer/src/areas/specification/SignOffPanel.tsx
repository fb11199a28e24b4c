// Change log & sign-off: the spec's version, what changed between versions, and who prepared,
// reviewed and approved it.
import { useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ChangeLogEntry, Integration, SignOff } from '../../../../shared/contract';
import { signOffRoles } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { HistoryIcon, PlusIcon } from '../../components/icons';
import { useAddForm } from '../../components/use-add-form';
import { formatDate } from '../../format';
import { useApp } from '../../state/app-context';
import { replaceEach } from '../../state/list-edits';
import { queryError, useCallCache } from '../../state/queries';
import { errorMessage } from '../../state/save-state';
import { InlineField } from './InlineField';
import { SectionFrame } from './SectionFrame';

type Role = SignOff['role'];

const roleLabels: Record<Role, string> = {
  prepared: 'Prepared by',
  reviewed: 'Reviewed by',
  approved: 'Approved by',
};

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

interface SignOffPanelProps {
  integration: UseQueryResult<Integration>;
  changeLog: UseQueryResult<ChangeLogEntry[]>;
  signOff: UseQueryResult<SignOff[]>;
}

export function SignOffPanel({ integration, changeLog, signOff }: SignOffPanelProps) {
  const { trackSave } = useApp();
  const cache = useCallCache();
  const specVersion = integration.data?.specVersion;
  const entries = [...(changeLog.data ?? [])].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);

  const replace = (updated: SignOff) => cache.update('signOff.list', {}, (current) => replaceEach(current, [updated], 'role'));

  return (
    <SectionFrame
      id="sign-off"
      title="Change log & sign-off"
      subtitle="Which version of the spec this is, what changed since the last one, and who stands behind it."
      loading={{ query: signOff, what: 'sign-off' }}
    >
      <div className="panel-body spec-form">
        {specVersion !== undefined && integration.data && (
          <InlineField
            label="Spec version"
            value={specVersion}
            onSave={async (next) => {
              const updated = await trackSave(api['integration.update']({ specVersion: next }));
              cache.set('integration.get', {}, updated);
            }}
            requiredMessage="The spec needs a version; the previous one was kept."
            maxLength={40}
            mono
            className="spec-version-field"
            hint="Printed on the workbook's cover; stamped on each change below."
          />
        )}
        <h3 className="section-title">Sign-off</h3>
        <div className="sign-off-table" role="table" aria-label="Sign-off">
          <div className="sign-off-row sign-off-header" role="row">
            <span role="columnheader">Role</span>
            <span role="columnheader">Name</span>
            <span role="columnheader">Date</span>
            <span role="columnheader">Note</span>
          </div>
          {signOffRoles.map((role) => {
            const entry = signOff.data?.find((item) => item.role === role) ?? { role, name: '', date: '', note: '' };
            return <SignOffRow key={role} entry={entry} onUpdated={replace} />;
          })}
        </div>
      </div>
      <div className="panel-body change-log">
        <h3 className="section-title">
          Change log <span className="count">{entries.length}</span>
        </h3>
        <AddChangeForm onAdded={(added) => cache.update('changeLog.list', {}, (current) => [...current, added])} />
        {changeLog.isError && !changeLog.data ? (
          <Alert>{queryError(changeLog)}</Alert>
        ) : entries.length === 0 ? (
          <p className="faint change-log-empty">
            <HistoryIcon size={13} /> No changes recorded yet. Note what changed each time you hand out a new version.
          </p>
        ) : (
          <ol className="change-log-list">
            {entries.map((entry) => (
              <li key={entry.id} className="change-log-entry">
                <span className="change-log-date">{formatDate(entry.at)}</span>
                <span className="change-log-version mono">{entry.version ? `v${entry.version}` : ''}</span>
                <span className="change-log-summary">{entry.summary}</span>
                <span className="change-log-author muted">{entry.author}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </SectionFrame>
  );
}

function SignOffRow({ entry, onUpdated }: { entry: SignOff; onUpdated: (value: SignOff) => void }) {
  const { trackSave } = useApp();
  const [date, setDate] = useState(entry.date);
  const [error, setError] = useState<string | null>(null);
  const label = roleLabels[entry.role];

  const save = async (changes: Partial<Omit<SignOff, 'role'>>) => onUpdated(await trackSave(api['signOff.update']({ role: entry.role, ...changes })));

  const saveDate = async (next: string) => {
    if (next === entry.date) return;
    setError(null);
    try {
      await save({ date: next });
    } catch (failure) {
      setDate(entry.date);
      setError(errorMessage(failure));
    }
  };

  return (
    <div className="sign-off-row" role="row">
      <span role="cell" className="sign-off-role">
        {label}
      </span>
      <span role="cell">
        <InlineField label={`${label}: name`} hideLabel value={entry.name} onSave={(name) => save({ name })} placeholder="Name" maxLength={200} />
      </span>
      <span role="cell" className="sign-off-date">
        <label className="visually-hidden" htmlFor={`sign-off-date-${entry.role}`}>
          {label}: date
        </label>
        <input
          id={`sign-off-date-${entry.role}`}
          type="date"
          className="input"
          value={date}
          onChange={(event) => setDate(event.target.value)}
          onBlur={() => void saveDate(date)}
          onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
        />
        {!date && (
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => {
              setDate(today());
              void saveDate(today());
            }}
            aria-label={`${label}: today`}
          >
            Today
          </button>
        )}
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
      </span>
      <span role="cell">
        <InlineField label={`${label}: note`} hideLabel value={entry.note} onSave={(note) => save({ note })} placeholder="Note" maxLength={2000} />
      </span>
    </div>
  );
}

function AddChangeForm({ onAdded }: { onAdded: (entry: ChangeLogEntry) => void }) {
  const [author, setAuthor] = useState('');
  const form = useAddForm({ required: 'Say what changed first.', add: (summary) => api['changeLog.add']({ summary, author: author.trim() }), onAdded });

  return (
    <form className="spec-add-row change-log-form" onSubmit={form.onSubmit} aria-label="Record a change">
      <label className="visually-hidden" htmlFor="new-change-summary">
        What changed
      </label>
      <input
        id="new-change-summary"
        {...form.field}
        className="input spec-add-grow"
        placeholder="What changed, e.g. Descoped UC-3 after the review with finance"
      />
      <label className="visually-hidden" htmlFor="new-change-author">
        Who changed it
      </label>
      <input id="new-change-author" className="input change-log-author-input" value={author} maxLength={200} placeholder="Who (optional)" onChange={(event) => setAuthor(event.target.value)} />
      <button type="submit" className="btn" disabled={form.busy}>
        <PlusIcon />
        Record change
      </button>
      {form.error}
    </form>
  );
}
