// Configurable inputs: what each customer fills in to run a templated integration — credentials,
// options, custom field choices. A credential is only described here (what it is, where the customer
// finds it); its value is never asked for or shown.
import { useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { CallInput, ConfigurableInput, SystemSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { useAddForm } from '../../components/use-add-form';
import { KeyIcon, PlusIcon, ShieldIcon, TrashIcon } from '../../components/icons';
import { plural } from '../../format';
import { useApp } from '../../state/app-context';
import { removeById, replaceById } from '../../state/list-edits';
import { useCallCache } from '../../state/queries';
import { ConfirmRemove } from './ConfirmRemove';
import { InlineField } from './InlineField';
import { SectionFrame } from './SectionFrame';
import { useSaveNow } from './use-save-now';

type Kind = ConfigurableInput['kind'];

export const inputKindLabels: Record<Kind, string> = {
  credential: 'Credential',
  option: 'Option',
  custom_field: 'Custom field choice',
  other: 'Other',
};

const kinds = Object.keys(inputKindLabels) as Kind[];

export function InputsPanel({ inputs, systems }: { inputs: UseQueryResult<ConfigurableInput[]>; systems: UseQueryResult<SystemSummary[]> }) {
  const cache = useCallCache();
  const list = inputs.data;
  const systemNames = systems.data?.map((system) => system.name) ?? [];
  const required = list?.filter((input) => input.required).length ?? 0;

  return (
    <SectionFrame
      id="inputs"
      title="Configurable inputs"
      subtitle="What each customer must fill in when the integration is set up for them: credentials, options, custom field choices."
      actions={list && list.length > 0 && <span className="spec-counts">{plural(list.length, 'input')} · {required} required</span>}
      loading={{ query: inputs, what: 'configurable inputs' }}
    >
      <AddInputForm systems={systemNames} onAdded={(added) => cache.update('inputs.list', {}, (current) => [...current, added])} />
      {list && list.length === 0 ? (
        <EmptyState icon={KeyIcon} title="No configurable inputs yet" compact>
          For an integration many customers will use, list what each one provides: the API key of their ledger account, which
          invoice template to use, which custom field holds the PO number.
        </EmptyState>
      ) : (
        <ol className="input-list">
          <li className="input-grid input-list-header" aria-hidden="true">
            <span className="input-name">Name · description</span>
            <span className="input-kind">Kind</span>
            <span className="input-system">System · default</span>
            <span className="input-required">Required</span>
          </li>
          {list?.map((input) => (
            <InputRow
              key={input.id}
              input={input}
              systems={systemNames}
              onUpdated={(updated) => cache.update('inputs.list', {}, (current) => replaceById(current, updated))}
              onRemoved={() => cache.update('inputs.list', {}, (current) => removeById(current, input.id))}
            />
          ))}
        </ol>
      )}
    </SectionFrame>
  );
}

function InputRow({ input, systems, onUpdated, onRemoved }: { input: ConfigurableInput; systems: string[]; onUpdated: (value: ConfigurableInput) => void; onRemoved: () => void }) {
  const { trackSave } = useApp();
  const [removing, setRemoving] = useState(false);

  const save = async (changes: Omit<CallInput<'inputs.update'>, 'id'>) => onUpdated(await trackSave(api['inputs.update']({ id: input.id, ...changes })));
  const { saveNow, error, clearError } = useSaveNow(input, onUpdated, save);

  const credential = input.kind === 'credential';
  const systemOptions = input.system && !systems.includes(input.system) ? [...systems, input.system] : systems;

  return (
    <li className="record-card input-record" aria-label={`${input.ref} ${input.name}`}>
      <div className="input-grid">
        <span className="record-ref">{input.ref}</span>
        <InlineField
          label={`Name of ${input.ref}`}
          hideLabel
          value={input.name}
          onSave={(name) => save({ name })}
          requiredMessage="An input needs a name; the previous one was kept."
          maxLength={200}
          className="input-name"
          inputClassName="input-strong"
        />
        <div className="field input-kind">
          <label className="visually-hidden" htmlFor={`input-kind-${input.id}`}>
            Kind of {input.ref}
          </label>
          <select id={`input-kind-${input.id}`} className="select" value={input.kind} onChange={(event) => void saveNow({ kind: event.target.value as Kind })}>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {inputKindLabels[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="field input-system">
          <label className="visually-hidden" htmlFor={`input-system-${input.id}`}>
            System of {input.ref}
          </label>
          <select
            id={`input-system-${input.id}`}
            className="select"
            value={input.system ?? ''}
            onChange={(event) => void saveNow({ system: event.target.value || null })}
          >
            <option value="">Any system</option>
            {systemOptions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <label className="record-toggle input-required">
          <input type="checkbox" checked={input.required} onChange={(event) => void saveNow({ required: event.target.checked })} />
          Required
        </label>
        <button type="button" className="btn btn-ghost btn-icon btn-sm btn-danger-ghost input-remove" onClick={() => setRemoving(true)} aria-label={`Remove ${input.ref}`} title="Remove">
          <TrashIcon size={14} />
        </button>
        <InlineField
          label={`Description of ${input.ref}`}
          hideLabel
          value={input.description}
          onSave={(description) => save({ description })}
          multiline
          rows={1}
          placeholder={credential ? 'What it is and where the customer finds it, e.g. API key from Ledgerly → Settings → Developers' : 'What the customer chooses, and what each choice does'}
          className="input-description"
        />
        {credential ? (
          <span className="input-secret-note" title="Secrets are never stored in the spec: each customer enters theirs when the integration is set up">
            <ShieldIcon size={13} />
            Secret: described only, never stored
          </span>
        ) : (
          <InlineField
            label={`Default of ${input.ref}`}
            hideLabel
            value={input.defaultValue}
            onSave={(defaultValue) => save({ defaultValue })}
            placeholder="No default"
            maxLength={2000}
            className="input-default"
            mono
          />
        )}
      </div>
      {error && <Alert onDismiss={clearError}>{error}</Alert>}
      {removing && (
        <ConfirmRemove record={input} what="input" remove={api['inputs.remove']} onRemoved={onRemoved} onClose={() => setRemoving(false)}>
          <p>“{input.name}” is no longer something each customer fills in.</p>
        </ConfirmRemove>
      )}
    </li>
  );
}

function AddInputForm({ systems, onAdded }: { systems: string[]; onAdded: (input: ConfigurableInput) => void }) {
  const [kind, setKind] = useState<Kind>('option');
  const [system, setSystem] = useState('');
  const form = useAddForm({ required: 'Name the input first.', add: (name) => api['inputs.add']({ name, kind, system: system || null }), onAdded });

  return (
    <form className="spec-add-form" onSubmit={form.onSubmit} aria-label="Add a configurable input">
      <div className="spec-add-row">
        <label className="visually-hidden" htmlFor="new-input-name">
          New input name
        </label>
        <input
          id="new-input-name"
          {...form.field}
          className="input spec-add-grow"
          maxLength={200}
          placeholder={kind === 'credential' ? 'e.g. Ledgerly API key (describe it; never type the secret)' : 'New input, e.g. Invoice template'}
        />
        <label className="visually-hidden" htmlFor="new-input-kind">
          New input kind
        </label>
        <select id="new-input-kind" className="select" value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          {kinds.map((value) => (
            <option key={value} value={value}>
              {inputKindLabels[value]}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor="new-input-system">
          New input system
        </label>
        <select id="new-input-system" className="select" value={system} onChange={(event) => setSystem(event.target.value)}>
          <option value="">Any system</option>
          {systems.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-primary" disabled={form.busy}>
          <PlusIcon />
          Add input
        </button>
      </div>
      {form.error}
    </form>
  );
}
