// The frame of every section: a panel with its heading, a one-line explanation, actions, and load states.
import { useEffect, useRef, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Unloaded } from '../../components/Unloaded';

interface SectionFrameProps {
  id: string;
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  /** What the section needs loaded (and what it is called): shows the load error or a spinner until it is. */
  loading?: { query: UseQueryResult<unknown>; what: string };
  children: ReactNode;
  className?: string;
}

export function SectionFrame({ id, title, subtitle, actions, loading, children, className }: SectionFrameProps) {
  const ref = useRef<HTMLElement>(null);
  // Opening a section from the outline starts reading at the top of the page.
  useEffect(() => {
    const page = ref.current?.closest('.page-body');
    if (page) page.scrollTop = 0;
  }, [id]);
  return (
    <section ref={ref} className={['panel', 'spec-section', className].filter(Boolean).join(' ')} aria-labelledby={`spec-${id}-title`} id={`spec-${id}`}>
      <header className="panel-header spec-section-header">
        <div className="spec-section-heading">
          <h2 className="panel-title" id={`spec-${id}-title`}>
            {title}
          </h2>
          {subtitle && <p className="spec-section-subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="spec-section-actions">{actions}</div>}
      </header>
      {loading && loading.query.data === undefined ? <Unloaded query={loading.query} title={`The ${loading.what} could not be loaded`} frame="panel-body" /> : children}
    </section>
  );
}
