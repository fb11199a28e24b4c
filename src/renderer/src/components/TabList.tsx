// A tab list as assistive technology expects one: one Tab stop (the selected tab), arrow keys, Home and
// End move and select, each tab names the panel it controls. The caller renders the panel with
// `tabPanelProps(idPrefix, current)`.
import type { KeyboardEvent, ReactNode } from 'react';

interface TabListProps<T extends string> {
  tabs: readonly T[];
  current: T;
  onSelect: (tab: T) => void;
  /** The accessible name of the list. */
  label: string;
  /** Unique on the page: ids are `${idPrefix}-tab-${tab}` and `${idPrefix}-panel`. */
  idPrefix: string;
  render: (tab: T) => ReactNode;
  className?: string;
}

export function TabList<T extends string>({ tabs, current, onSelect, label, idPrefix, render, className }: TabListProps<T>) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.indexOf(current);
    const next =
      event.key === 'ArrowRight' ? tabs[(index + 1) % tabs.length]
      : event.key === 'ArrowLeft' ? tabs[(index + tabs.length - 1) % tabs.length]
      : event.key === 'Home' ? tabs[0]
      : event.key === 'End' ? tabs[tabs.length - 1]
      : undefined;
    if (!next) return;
    event.preventDefault();
    onSelect(next);
    window.requestAnimationFrame(() => document.getElementById(`${idPrefix}-tab-${next}`)?.focus());
  };
  return (
    <div className={`tabs${className ? ` ${className}` : ''}`} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab}
          id={`${idPrefix}-tab-${tab}`}
          type="button"
          role="tab"
          className="tab"
          aria-selected={tab === current}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={tab === current ? 0 : -1}
          onClick={() => onSelect(tab)}
        >
          {render(tab)}
        </button>
      ))}
    </div>
  );
}

export const tabPanelProps = (idPrefix: string, current: string) => ({ role: 'tabpanel', id: `${idPrefix}-panel`, 'aria-labelledby': `${idPrefix}-tab-${current}` }) as const;
