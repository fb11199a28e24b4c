// The left sidebar: brand, the open integration, navigation between areas, and the way to other workspaces.
// Collapsible to its icons (the labels stay the links' names), as it is by default on a narrow window.
import type { WorkspaceSummary } from '../../../shared/contract';
import { ChevronRightIcon, LogoMark } from '../components/icons';
import { integrationStatusLabels, integrationStatusTone } from '../format';
import { hashFor, mainAreas, workspacesArea, type AreaDefinition, type AreaId } from './areas';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "⌘1" on macOS, "Ctrl+1" elsewhere. */
const shortcutLabel = (index: number) => (isMac ? `⌘${index}` : `Ctrl+${index}`);

interface SidebarProps {
  workspace: WorkspaceSummary | null;
  current: AreaId;
  version: string;
  collapsed: boolean;
  onCollapse: (collapsed: boolean) => void;
}

export function Sidebar({ workspace, current, version, collapsed, onCollapse }: SidebarProps) {
  const counts = workspace?.counts;
  const badge: Partial<Record<AreaId, { value: number; label: string }>> = counts
    ? {
        overview: { value: counts.openQuestions, label: `${counts.openQuestions} open questions` },
        systems: { value: counts.systems, label: `${counts.systems} systems` },
        mapping: { value: counts.flows, label: `${counts.flows} data flows` },
      }
    : {};

  return (
    <aside className="sidebar">
      <div className="brand">
        <LogoMark />
        <span className="brand-name">Crosswalk</span>
        <button
          type="button"
          className="btn btn-ghost btn-icon btn-sm sidebar-toggle"
          aria-label="Collapse the sidebar"
          aria-pressed={collapsed}
          title={collapsed ? 'Show the sidebar in full' : 'Collapse the sidebar to its icons'}
          onClick={() => onCollapse(!collapsed)}
        >
          <ChevronRightIcon size={14} />
        </button>
      </div>

      <div className="sidebar-workspace">
        {workspace ? (
          <>
            <div className="sidebar-label">Integration</div>
            <div className="sidebar-integration" title={workspace.integration.name}>
              {workspace.integration.name}
            </div>
            <div className="sidebar-meta">
              <span className={integrationStatusTone[workspace.integration.status]}>
                {integrationStatusLabels[workspace.integration.status]}
              </span>
              <span className="sidebar-file" title={workspace.path}>
                {workspace.fileName}
              </span>
            </div>
          </>
        ) : (
          <>
            <div className="sidebar-label">Integration</div>
            <div className="sidebar-integration sidebar-none">No workspace open</div>
          </>
        )}
      </div>

      <nav className="sidebar-nav" aria-label="Areas">
        <ul>
          {mainAreas.map((area, index) => (
            <li key={area.id}>
              <NavItem
                area={area}
                active={current === area.id}
                disabled={!workspace}
                shortcut={index + 1}
                badge={badge[area.id]}
              />
            </li>
          ))}
        </ul>
      </nav>

      <div className="sidebar-bottom">
        <nav aria-label="Workspaces">
          <NavItem area={workspacesArea} active={current === 'workspaces'} disabled={false} />
        </nav>
        <div className="sidebar-version">Crosswalk {version}</div>
      </div>
    </aside>
  );
}

interface NavItemProps {
  area: AreaDefinition;
  active: boolean;
  disabled: boolean;
  shortcut?: number;
  badge?: { value: number; label: string } | undefined;
}

function NavItem({ area, active, disabled, shortcut, badge }: NavItemProps) {
  const Icon = area.icon;
  const content = (
    <>
      <Icon />
      <span className="nav-label">{area.label}</span>
      {badge && badge.value > 0 && (
        <span className="nav-count" aria-label={badge.label}>
          {badge.value}
        </span>
      )}
      {shortcut !== undefined && <kbd className="nav-shortcut">{shortcutLabel(shortcut)}</kbd>}
    </>
  );
  if (disabled) {
    return (
      <span className="nav-item" aria-disabled="true" title="Open or create a workspace first">
        {content}
      </span>
    );
  }
  return (
    <a
      className="nav-item"
      href={hashFor(area.id)}
      aria-current={active ? 'page' : undefined}
      aria-keyshortcuts={shortcut !== undefined ? `${isMac ? 'Meta' : 'Control'}+${shortcut}` : undefined}
      title={shortcut !== undefined ? `${area.label} (${shortcutLabel(shortcut)})` : area.label}
    >
      {content}
    </a>
  );
}
