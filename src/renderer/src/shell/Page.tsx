// Every area's frame: a page header (title, one-line description, actions) above its content.
import type { ReactNode } from 'react';

interface PageProps {
  title: ReactNode;
  description: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

export function Page({ title, description, actions, children }: PageProps) {
  return (
    <>
      <header className="page-header">
        <div className="page-heading">
          <h1 className="page-title">{title}</h1>
          <p className="page-description">{description}</p>
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      <div className="page-body">{children}</div>
    </>
  );
}
