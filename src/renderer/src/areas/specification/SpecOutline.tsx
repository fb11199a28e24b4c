// The workbench's left outline: every part of the spec, big to small, with how ready it is; each opens its section.
import type { ComponentType, CSSProperties } from 'react';
import { AlertIcon, ArrowRightIcon, CheckCircleIcon, CircleIcon, DownloadIcon, HalfCircleIcon } from '../../components/icons';
import { hashFor } from '../../shell/areas';
import type { OutlineItem, Readiness } from './readiness';
import type { SectionId } from './sections';

const readinessIcon: Record<Readiness, ComponentType<{ size?: number; className?: string }>> = {
  done: CheckCircleIcon,
  partial: HalfCircleIcon,
  todo: CircleIcon,
  attention: AlertIcon,
};

const readinessLabel: Record<Readiness, string> = {
  done: 'Ready',
  partial: 'In progress',
  todo: 'Not started',
  attention: 'Needs attention',
};

export function SpecOutline({ items, current }: { items: OutlineItem[]; current: SectionId }) {
  const counted = items.filter((item) => item.counted);
  const ready = counted.filter((item) => item.readiness === 'done').length;
  return (
    <nav className="panel spec-outline" aria-label="Specification outline">
      <div className="spec-outline-summary">
        <span className="readiness-count">
          {ready}
          <span className="faint"> / {counted.length}</span>
        </span>
        <span className="muted">parts ready</span>
        <span className="progress" role="progressbar" aria-label="Parts ready" aria-valuemin={0} aria-valuemax={counted.length} aria-valuenow={ready}>
          <span style={{ width: `${counted.length ? (ready / counted.length) * 100 : 0}%` }} />
        </span>
      </div>
      <ol className="spec-outline-list">
        {items.map((item, index) => {
          const Icon = item.readiness ? readinessIcon[item.readiness] : DownloadIcon;
          const isCurrent = item.level === 0 && item.section === current && !item.href;
          const leavesArea = Boolean(item.href);
          const className = [
            'spec-outline-item',
            item.level > 0 && 'spec-outline-child',
            item.descoped && 'spec-outline-descoped',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <li key={item.key} className={className} style={{ '--level': item.level } as CSSProperties}>
              <a
                className="spec-outline-row"
                href={item.href ?? hashFor('spec', item.section, item.segment ?? '')}
                aria-current={isCurrent ? 'page' : undefined}
                title={leavesArea ? `${item.label}: open its mapping sheet (trigger, outcomes, field mappings)` : undefined}
              >
                {item.level > 0 && <TreeGuides items={items} index={index} />}
                <span className={`outline-status outline-${item.readiness ?? 'todo'}`} title={item.readiness ? readinessLabel[item.readiness] : undefined}>
                  <Icon size={15} />
                  {item.readiness && <span className="visually-hidden">{readinessLabel[item.readiness]}: </span>}
                </span>
                <span className="spec-outline-text">
                  <span className="spec-outline-label">{item.label}</span>
                  <span className="spec-outline-detail">{item.detail}</span>
                </span>
                {leavesArea && <ArrowRightIcon size={12} className="spec-outline-leave" />}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Whether another row at the same level follows, before the tree goes back up. */
function hasLaterSibling(items: OutlineItem[], index: number): boolean {
  const level = items[index]!.level;
  for (let below = index + 1; below < items.length; below++) {
    const other = items[below]!.level;
    if (other === level) return true;
    if (other < level) return false;
  }
  return false;
}

/** The tree's lines for one row: its elbow, and the lines of its ancestors' later siblings passing by. */
function TreeGuides({ items, index }: { items: OutlineItem[]; index: number }) {
  const level = items[index]!.level;
  const passing: number[] = [];
  let depth = level - 1;
  for (let above = index - 1; above >= 0 && depth >= 1; above--) {
    if (items[above]!.level === depth) {
      if (hasLaterSibling(items, above)) passing.push(depth);
      depth -= 1;
    }
  }
  return (
    <span className="tree-guides" aria-hidden="true">
      {passing.map((at) => (
        <span key={at} className="tree-line" style={{ '--at': at } as CSSProperties} />
      ))}
      <span className="tree-elbow" />
      {hasLaterSibling(items, index) && <span className="tree-continue" />}
    </span>
  );
}
