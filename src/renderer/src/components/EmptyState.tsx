// What an area shows before it has anything: what belongs here, and what to do next.
import type { ComponentType, ReactNode } from 'react';

interface EmptyStateProps {
  icon: ComponentType<{ size?: number }>;
  title: string;
  children: ReactNode;
  /** Buttons or links for the next step. */
  actions?: ReactNode;
  /** Extra content under the actions, e.g. a command line. */
  footer?: ReactNode;
  compact?: boolean;
  /** Room for wider content such as command lines. */
  wide?: boolean;
}

export function EmptyState({ icon: Icon, title, children, actions, footer, compact, wide }: EmptyStateProps) {
  const className = ['empty-state', compact && 'empty-state-compact', wide && 'empty-state-wide'].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <div className="empty-state-icon">
        <Icon size={compact ? 18 : 22} />
      </div>
      <h2 className="empty-state-title">{title}</h2>
      <div className="empty-state-text">{children}</div>
      {actions && <div className="empty-state-actions">{actions}</div>}
      {footer && <div className="empty-state-footer">{footer}</div>}
    </div>
  );
}
