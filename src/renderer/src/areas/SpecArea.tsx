// Spec & export: how complete each part of the specification is, and what it will export to.
import type { ComponentType, CSSProperties } from 'react';
import type { FlowSummary, Integration, OpenQuestion, WorkspaceSummary } from '../../../shared/contract';
import { api } from '../api/client';
import { LoadFailed } from '../components/LoadFailed';
import { CommandLine } from '../components/CommandLine';
import {
  AlertIcon,
  BracesIcon,
  CheckCircleIcon,
  ChevronRightIcon,
  CircleIcon,
  HalfCircleIcon,
  MarkdownIcon,
  TableIcon,
} from '../components/icons';
import { Loading } from '../components/Loading';
import { RefreshButton } from '../components/RefreshButton';
import { plural, shellArg } from '../format';
import { Page } from '../shell/Page';
import { areaById, hashFor, type AreaId } from '../shell/areas';
import { useApp, useWorkspace } from '../state/app-context';
import { useLoad } from '../state/use-load';

type Readiness = 'done' | 'partial' | 'todo' | 'attention';

interface OutlineItem {
  label: string;
  level: number;
  readiness: Readiness;
  detail: string;
  area?: AreaId;
}

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

function outline(counts: WorkspaceSummary['counts'], integration: Integration, flows: FlowSummary[], questions: OpenQuestion[]): OutlineItem[] {
  const words = integration.businessCase.trim() ? integration.businessCase.trim().split(/\s+/).length : 0;
  const withTrigger = flows.filter((flow) => flow.trigger.detail.trim()).length;
  const mappings = flows.reduce((sum, flow) => ({ accepted: sum.accepted + flow.mappings.accepted, total: sum.total + flow.mappings.total }), { accepted: 0, total: 0 });
  const open = questions.filter((question) => question.status === 'open').length;

  return [
    {
      label: 'Business case',
      level: 0,
      readiness: words >= 20 ? 'done' : words > 0 ? 'partial' : 'todo',
      detail: words ? `${plural(words, 'word')}` : 'Not written yet',
      area: 'overview',
    },
    {
      label: 'Use cases',
      level: 1,
      readiness: counts.useCases > 0 ? 'done' : 'todo',
      detail: counts.useCases ? plural(counts.useCases, 'use case') : 'None yet',
      area: 'mapping',
    },
    {
      label: 'Data flows',
      level: 2,
      readiness: counts.flows > 0 ? 'done' : 'todo',
      detail: counts.flows ? plural(counts.flows, 'data flow') : 'None yet',
      area: 'mapping',
    },
    {
      label: 'Triggers & outcomes',
      level: 3,
      readiness: flows.length === 0 ? 'todo' : withTrigger === flows.length ? 'done' : 'partial',
      detail: flows.length ? `${withTrigger} of ${plural(flows.length, 'flow')} with a described trigger` : 'Come with the data flows',
      area: 'mapping',
    },
    {
      label: 'Field mappings',
      level: 3,
      readiness: mappings.total === 0 ? 'todo' : mappings.accepted === mappings.total ? 'done' : 'partial',
      detail: mappings.total ? `${mappings.accepted} of ${mappings.total} accepted` : 'No fields mapped yet',
      area: 'mapping',
    },
    {
      label: 'Test cases',
      level: 3,
      readiness: counts.testCases > 0 ? 'done' : 'todo',
      detail: counts.testCases ? plural(counts.testCases, 'test case') : 'None written yet',
    },
    {
      label: 'Open questions',
      level: 0,
      readiness: open > 0 ? 'attention' : 'done',
      detail: open > 0 ? `${open} still open` : questions.length ? 'All answered or closed' : 'None recorded',
      area: 'overview',
    },
  ];
}

interface ExportTarget {
  icon: ComponentType<{ size?: number }>;
  title: string;
  text: string;
  flag: string;
  extension: string;
}

const exportTargets: ExportTarget[] = [
  {
    icon: TableIcon,
    title: 'Excel workbook',
    text: 'The whole specification for developers, testers and the business: one sheet each for the overview, data flows, field mappings, test cases and open questions.',
    flag: '--xlsx',
    extension: 'xlsx',
  },
  {
    icon: BracesIcon,
    title: 'JSON mapping spec',
    text: 'The data flows and field mappings in a machine-readable form, for code generators and integration platforms.',
    flag: '--json',
    extension: 'json',
  },
  {
    icon: MarkdownIcon,
    title: 'Markdown',
    text: 'A readable document for a wiki or a pull request, with the business case, use cases and mapping tables.',
    flag: '--md',
    extension: 'md',
  },
];

export function SpecArea() {
  const { dataVersion, reloadAll } = useApp();
  const workspace = useWorkspace();
  const area = areaById('spec');
  const data = useLoad(
    `${workspace.path}|spec`,
    () => Promise.all([api['integration.get']({}), api['flows.list']({}), api['questions.list']({})]),
    [dataVersion],
  );
  const baseName = workspace.fileName.replace(/\.crosswalk$/i, '') || 'integration';

  return (
    <Page
      title={area.title}
      description={area.description}
      actions={<RefreshButton onClick={reloadAll} />}
    >
      <div className="spec-columns">
        <section className="panel" aria-labelledby="readiness-title">
          <div className="panel-header">
            <h2 className="panel-title" id="readiness-title">
              Readiness
            </h2>
            <span className="panel-subtitle">The specification, from why to how it is tested</span>
          </div>
          {data.error && !data.data ? (
            <div className="panel-body">
              <LoadFailed title="The specification could not be read" onRetry={data.reload}>
                {data.error}
              </LoadFailed>
            </div>
          ) : !data.data ? (
            <Loading />
          ) : (
            <Readiness items={outline(workspace.counts, ...data.data)} />
          )}
        </section>

        <section className="panel" aria-labelledby="export-title">
          <div className="panel-header">
            <h2 className="panel-title" id="export-title">
              Export
            </h2>
            <span className="panel-subtitle">Export from the app is coming; these commands will produce the same files</span>
          </div>
          <ul className="export-list">
            {exportTargets.map((target) => {
              const Icon = target.icon;
              return (
                <li key={target.flag} className="export-target">
                  <span className="export-icon">
                    <Icon />
                  </span>
                  <div className="export-body">
                    <div className="export-head">
                      <h3 className="export-title">{target.title}</h3>
                      <span className="badge">Upcoming</span>
                    </div>
                    <p className="export-text">{target.text}</p>
                    <CommandLine
                      command={`crosswalk export ${shellArg(workspace.path)} ${target.flag} ${baseName}.${target.extension}`}
                      label={`Export as ${target.title} from the command line`}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </Page>
  );
}

function Readiness({ items }: { items: OutlineItem[] }) {
  const ready = items.filter((item) => item.readiness === 'done').length;
  return (
    <>
      <div className="readiness-summary">
        <div className="readiness-score">
          <span className="readiness-count">
            {ready}
            <span className="faint"> / {items.length}</span>
          </span>
          <span className="muted">parts ready</span>
        </div>
        <div className="progress" role="progressbar" aria-label="Parts ready" aria-valuemin={0} aria-valuemax={items.length} aria-valuenow={ready}>
          <span style={{ width: `${(ready / items.length) * 100}%` }} />
        </div>
      </div>
      <ol className="outline">
        {items.map((item, index) => {
          const Icon = readinessIcon[item.readiness];
          const body = (
            <>
              <span className={`outline-status outline-${item.readiness}`} title={readinessLabel[item.readiness]}>
                <Icon size={15} />
                <span className="visually-hidden">{readinessLabel[item.readiness]}: </span>
              </span>
              <span className="outline-label">{item.label}</span>
              <span className="outline-detail">{item.detail}</span>
              {item.area ? <ChevronRightIcon size={13} className="outline-chevron" /> : <span className="outline-chevron-space" />}
            </>
          );
          return (
            <li
              key={item.label}
              className={
                item.level === 0
                  ? 'outline-item outline-root'
                  : items[index - 1]?.level === item.level
                    ? 'outline-item outline-child outline-sibling'
                    : 'outline-item outline-child'
              }
              style={{ '--level': item.level } as CSSProperties}>
              {item.area ? (
                <a className="outline-row" href={hashFor(item.area)} title={`Open ${areaById(item.area).label}`}>
                  {body}
                </a>
              ) : (
                <div className="outline-row" title="Test cases arrive with the test case editor">
                  {body}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
