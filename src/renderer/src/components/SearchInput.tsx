// A search field that reports what was typed only after a short pause, so long lists filter once
// per pause instead of once per keystroke. Escape clears it; "/" elsewhere on the page focuses it
// (see useSlashToSearch).
import { useEffect, useEffectEvent, useState, type Ref, type RefObject } from 'react';
import { CloseIcon, SearchIcon } from './icons';

interface SearchInputProps {
  /** The accessible name, e.g. "Search entities". */
  label: string;
  placeholder?: string;
  /** The filter in effect; the field follows it when it changes from outside (a "Clear search" button). */
  value: string;
  onSearch: (query: string) => void;
  /** Milliseconds of quiet before onSearch runs. */
  delay?: number;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
  /** Shows the "/" hint: this is the field "/" focuses. */
  slashHint?: boolean;
  /** ↓ leaves the field for the list it filters (e.g. its first row). */
  onArrowDown?: () => void;
}

export function SearchInput({ label, placeholder, value, onSearch, delay = 120, inputRef, className, slashHint = true, onArrowDown }: SearchInputProps) {
  // What is typed shows at once and is reported after the pause. A draft counts only over the value it was
  // typed over: an outside change (a "Clear search" button) wins over it, and so does the value it reported.
  const [draft, setDraft] = useState<{ text: string; over: string } | null>(null);
  const text = draft && draft.over === value ? draft.text : value;

  const report = useEffectEvent((query: string) => onSearch(query));
  useEffect(() => {
    if (text === value) return;
    const timer = window.setTimeout(() => report(text), delay);
    return () => window.clearTimeout(timer);
  }, [text, value, delay]);

  const clear = () => {
    setDraft(null);
    onSearch('');
  };

  return (
    <div className={className ? `search ${className}` : 'search'}>
      <SearchIcon size={14} />
      <input
        ref={inputRef}
        type="search"
        className="input search-input"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        data-search=""
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => setDraft({ text: event.target.value, over: value })}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text) {
            event.preventDefault();
            event.stopPropagation();
            clear();
          }
          // Apply at once rather than after the pause.
          if (event.key === 'Enter' || (event.key === 'ArrowDown' && onArrowDown)) onSearch(text);
          if (event.key === 'ArrowDown' && onArrowDown) {
            event.preventDefault();
            // After the list has taken in the search.
            window.setTimeout(onArrowDown);
          }
        }}
      />
      {text ? (
        <button type="button" className="search-clear" onClick={clear} aria-label={`Clear: ${label}`} title="Clear (Esc)">
          <CloseIcon size={12} />
        </button>
      ) : (
        slashHint && (
          <kbd className="search-kbd" aria-hidden="true" title="Press / to search">
            /
          </kbd>
        )
      )}
    </div>
  );
}

/**
 * "/" focuses a search field: the one in the same `data-search-scope` as the focus, else the first
 * one inside `container`. Ignored while typing in a field or while a dialog is open.
 */
export function useSlashToSearch(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const active = document.activeElement as HTMLElement | null;
      if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return;
      if (document.querySelector('dialog[open]')) return;
      const root = container.current;
      if (!root) return;
      const scope = active?.closest<HTMLElement>('[data-search-scope]');
      const input =
        (scope && root.contains(scope) ? scope.querySelector<HTMLInputElement>('input[data-search]') : null) ??
        root.querySelector<HTMLInputElement>('input[data-search]');
      if (!input) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [container]);
}
