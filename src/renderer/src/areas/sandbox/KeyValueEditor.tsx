// Rows of name and value (query parameters, headers, form fields, variables), each switchable and
// markable as secret. A secret's value is never shown: it reads "stored" and can be replaced or cleared.
import type { KeyValueRow, SecretValue } from '../../../../shared/contract';
import { PlusIcon, TrashIcon } from '../../components/icons';

export type Row = Pick<KeyValueRow, 'name' | 'value' | 'enabled' | 'secret'>;

interface KeyValueEditorProps<R extends Row> {
  rows: readonly R[];
  onChange: (rows: R[]) => void;
  /** Makes a new row of the right shape. */
  blank: () => R;
  /** "Query parameter", "Header": names the controls for assistive technology. */
  noun: string;
  /** Offered as the names (completion). */
  nameHints?: readonly string[];
}

export const isSecretValue = (value: unknown): value is SecretValue => typeof value === 'object' && value !== null && (value as SecretValue).secret === true;

export function KeyValueEditor<R extends Row>({ rows, onChange, blank, noun, nameHints }: KeyValueEditorProps<R>) {
  const listId = nameHints ? `${noun.replace(/\W+/g, '-').toLowerCase()}-names` : undefined;
  const edit = (index: number, changes: Partial<Row>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...changes } : row)));
  return (
    <div className="kv-editor">
      {listId && (
        <datalist id={listId}>
          {nameHints!.map((hint) => (
            <option key={hint} value={hint} />
          ))}
        </datalist>
      )}
      {rows.length > 0 && (
        <table className="kv-table">
          <thead>
            <tr>
              <th className="kv-on">
                <span className="visually-hidden">On</span>
              </th>
              <th>Name</th>
              <th>Value</th>
              <th className="kv-secret">Secret</th>
              <th className="kv-remove">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index} className={row.enabled ? undefined : 'is-off'}>
                <td className="kv-on">
                  <input type="checkbox" checked={row.enabled} aria-label={`${noun} ${row.name || index + 1} is sent`} onChange={(event) => edit(index, { enabled: event.target.checked })} />
                </td>
                <td>
                  <input className="input mono" value={row.name} list={listId} aria-label={`${noun} ${index + 1} name`} onChange={(event) => edit(index, { name: event.target.value })} />
                </td>
                <td>
                  {isSecretValue(row.value) && row.value.set ? (
                    <span className="kv-stored">
                      <span className="badge">stored</span>
                      <button type="button" className="btn btn-sm btn-ghost" onClick={() => edit(index, { value: '' })}>
                        Replace
                      </button>
                    </span>
                  ) : (
                    <input
                      className="input mono"
                      type={row.secret ? 'password' : 'text'}
                      autoComplete="off"
                      value={typeof row.value === 'string' ? row.value : ''}
                      aria-label={`${noun} ${row.name || index + 1} value`}
                      onChange={(event) => edit(index, { value: event.target.value })}
                    />
                  )}
                </td>
                <td className="kv-secret">
                  <input type="checkbox" checked={row.secret} aria-label={`${noun} ${row.name || index + 1} is a secret`} onChange={(event) => edit(index, { secret: event.target.checked })} />
                </td>
                <td className="kv-remove">
                  <button type="button" className="btn btn-sm btn-ghost btn-icon" aria-label={`Remove ${noun.toLowerCase()} ${row.name || index + 1}`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                    <TrashIcon size={13} />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="btn btn-sm btn-ghost" onClick={() => onChange([...rows, blank()])}>
        <PlusIcon size={13} /> Add {noun.toLowerCase()}
      </button>
    </div>
  );
}
