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
            item.level > 0 && items[index - 1]?.level === item.level && 'spec-outline-sibling',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <li key={item.key} className={className} style={{ '--level': item.level } as CSSProperties}>
              <a
                className="spec-outline-row"
                href={item.href ?? hashFor('spec', item.section)}
                aria-current={isCurrent ? 'page' : undefined}
                title={leavesArea ? 'Open the Mapping area' : undefined}
              >
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
