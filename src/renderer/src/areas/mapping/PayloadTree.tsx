// A payload as a tree whose values can be chosen (the target payload of a preview: choosing a value shows
// which row set it). Each array draws its first elements and offers the rest in steps, so a payload of
// thousands of elements draws at once.
import { useState } from 'react';
import { ARRAY_STEP, childPointer, isContainer, leafText } from './preview-view';

interface PayloadTreeProps {
  value: unknown;
  /** The pointer of the chosen value, if any. */
  chosen: string | null;
  onChoose: (pointer: string) => void;
  /** Pointers of values a problem names: marked. */
  flagged: Set<string>;
  label: string;
}

export function PayloadTree({ value, chosen, onChoose, flagged, label }: PayloadTreeProps) {
  return (
    <div className="payload-tree mono" role="group" aria-label={label}>
      {isContainer(value) ? <Children value={value} pointer="" chosen={chosen} onChoose={onChoose} flagged={flagged} /> : <Leaf name="" value={value} pointer="" chosen={chosen} onChoose={onChoose} flagged={flagged} />}
    </div>
  );
}

interface NodeProps {
  pointer: string;
  chosen: string | null;
  onChoose: (pointer: string) => void;
  flagged: Set<string>;
}

function Children({ value, ...node }: NodeProps & { value: Record<string, unknown> | unknown[] }) {
  const [shown, setShown] = useState(ARRAY_STEP);
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  const more = entries.length - shown;
  return (
    <ul className="payload-children">
      {entries.slice(0, shown).map(([key, child]) => {
        const pointer = childPointer(node.pointer, key);
        return isContainer(child) ? (
          <Branch key={key} name={key} value={child} {...node} pointer={pointer} />
        ) : (
          <Leaf key={key} name={key} value={child} {...node} pointer={pointer} />
        );
      })}
      {more > 0 && (
        <li>
          <button type="button" className="link-button payload-more" onClick={() => setShown(shown + ARRAY_STEP * 4)}>
            … {more} more
          </button>
        </li>
      )}
    </ul>
  );
}

function Branch({ name, value, ...node }: NodeProps & { name: string | number; value: Record<string, unknown> | unknown[] }) {
  const [open, setOpen] = useState(true);
  const size = Array.isArray(value) ? `[${value.length}]` : `{${Object.keys(value).length}}`;
  return (
    <li className={node.flagged.has(node.pointer) ? 'payload-flagged' : undefined}>
      <button type="button" className="payload-branch" onClick={() => setOpen(!open)} aria-expanded={open}>
        <span className="payload-caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="payload-key">{typeof name === 'number' ? `[${name}]` : name}</span>
        <span className="faint">{size}</span>
      </button>
      {open && <Children value={value} {...node} />}
    </li>
  );
}

function Leaf({ name, value, ...node }: NodeProps & { name: string | number; value: unknown }) {
  const isChosen = node.chosen === node.pointer;
  return (
    <li className={node.flagged.has(node.pointer) ? 'payload-flagged' : undefined}>
      <button type="button" className={`payload-leaf${isChosen ? ' is-chosen' : ''}`} aria-pressed={isChosen} onClick={() => node.onChoose(node.pointer)} title="Which row set this value, from which source value">
        {name !== '' && <span className="payload-key">{typeof name === 'number' ? `[${name}]` : name}:</span>}
        <span className={`payload-value payload-${value === null ? 'null' : typeof value}`}>{leafText(value)}</span>
      </button>
    </li>
  );
}
