// A search field that reports what was typed only after a short pause, so long lists filter once
// per pause instead of once per keystroke. Escape clears it; "/" elsewhere on the page focuses it
// (see useSlashToSearch).
import { useEffect, useRef, useState, type Ref, type RefObject } from 'react';
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
  const [text, setText] = useState(value);
  const searchRef = useRef(onSearch);
  searchRef.current = onSearch;
  const lastSent = useRef(value);

  // Outside changes (cleared by a button, another entity) win over what is in the field.
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === lastSent.current) return;
    const timer = window.setTimeout(() => {
      lastSent.current = text;
      searchRef.current(text);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [text, delay]);

  const clear = () => {
    setText('');
    lastSent.current = '';
    searchRef.current('');
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
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text) {
            event.preventDefault();
            event.stopPropagation();
            clear();
          }
          if (event.key === 'Enter' || (event.key === 'ArrowDown' && onArrowDown)) {
            // Apply at once rather than after the pause.
            lastSent.current = text;
            searchRef.current(text);
          }
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
