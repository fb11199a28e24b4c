// Overview: the integration's identity and business case, progress at a glance, next steps, open questions.
import { useEffect, useRef, useState, type ComponentType, type KeyboardEvent, type RefObject } from 'react';
import type { CallInput, Integration, WorkspaceSummary } from '../../../shared/contract';
import { api } from '../api/client';
import { Alert } from '../components/Alert';
import {
  CheckIcon,
  ChevronRightIcon,
  FlowIcon,
  LinkIcon,
  ListIcon,
  QuestionIcon,
  SystemsIcon,
  TestIcon,
} from '../components/icons';
import { Loading } from '../components/Loading';
import { RefreshButton } from '../components/RefreshButton';
import { Unloaded } from '../components/Unloaded';
import { formatDate, formatRelative, integrationStatusLabels } from '../format';
import { Page } from '../shell/Page';
import { areaById, hashFor, type AreaId } from '../shell/areas';
import { useApp, useWorkspace } from '../state/app-context';
import { useCall, useCallCache } from '../state/queries';
import { errorMessage } from '../state/save-state';
import { QuestionsPanel } from './QuestionsPanel';

export function OverviewArea() {
  const { reloadAll } = useApp();
  const workspace = useWorkspace();
  const cache = useCallCache();
  const integration = useCall('integration.get', {});
  const area = areaById('overview');

  return (
    <Page
      title={area.title}
      description={area.description}
      actions={<RefreshButton onClick={reloadAll} />}
    >
      <div className="overview">
        <SummaryCards counts={workspace.counts} />
        <div className="overview-columns">
          {integration.data ? (
            <IntegrationPanel integration={integration.data} onUpdated={(updated) => cache.set('integration.get', {}, updated)} />
          ) : integration.isError ? (
            <Unloaded query={integration} title="The integration could not be loaded" />
          ) : (
            <div className="panel">
              <Loading />
            </div>
          )}
          <NextSteps counts={workspace.counts} />
        </div>
        <QuestionsPanel />
      </div>
    </Page>
  );
}

type Counts = WorkspaceSummary['counts'];

const statuses = Object.keys(integrationStatusLabels) as Integration['status'][];

interface SummaryCard {
  key: keyof Counts;
  label: string;
  hint: (count: number, counts: Counts) => string;
  icon: ComponentType<{ size?: number }>;
  area: AreaId;
  /** A place inside the area: #/spec/use-cases. */
  section?: string;
  attention?: boolean;
}

const summaryCards: SummaryCard[] = [
  { key: 'systems', label: 'Systems', hint: (n) => (n >= 2 ? 'Both sides imported' : n === 1 ? 'One side missing' : 'None imported yet'), icon: SystemsIcon, area: 'systems' },
  { key: 'flows', label: 'Data flows', hint: (n) => (n ? 'Entity to entity' : 'None defined yet'), icon: FlowIcon, area: 'mapping' },
  { key: 'useCases', label: 'Use cases', hint: (n) => (n ? 'Why flows exist' : 'None written yet'), icon: ListIcon, area: 'spec', section: 'use-cases' },
  { key: 'mappingsDone', label: 'Fields mapped', hint: (_n, counts) => (counts.mappings ? `Of ${counts.mappings} across all flows` : 'No flow mapped yet'), icon: LinkIcon, area: 'mapping' },
  { key: 'testCases', label: 'Test cases', hint: (n) => (n ? 'For the testers' : 'None written yet'), icon: TestIcon, area: 'spec', section: 'test-cases' },
  { key: 'openQuestions', label: 'Open questions', hint: (n) => (n ? 'Waiting for answers' : 'Nothing open'), icon: QuestionIcon, area: 'overview', attention: true },
];

function SummaryCards({ counts }: { counts: Counts }) {
  const { navigate } = useApp();
  return (
    <section aria-label="Summary" className="summary-cards">
      {summaryCards.map((card) => {
        const count = counts[card.key];
        const Icon = card.icon;
        const open = () => {
          if (card.section) return void (window.location.hash = hashFor(card.area, card.section));
          if (card.area !== 'overview') return navigate(card.area);
          const target = document.getElementById('questions');
          target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          target?.focus({ preventScroll: true });
        };
        return (
          <button
            key={card.key}
            type="button"
            className={`summary-card${card.attention && count > 0 ? ' summary-card-attention' : ''}`}
            onClick={open}
          >
            <span className="summary-card-top">
              <span className="summary-card-label">{card.label}</span>
              <Icon size={15} />
            </span>
            <span className="summary-card-count">{count}</span>
            <span className="summary-card-hint">{card.hint(count, counts)}</span>
            <span className="visually-hidden">. Open {card.area === 'overview' ? 'the questions' : areaById(card.area).label}.</span>
          </button>
        );
      })}
    </section>
  );
}

function IntegrationPanel({ integration, onUpdated }: { integration: Integration; onUpdated: (value: Integration) => void }) {
  const { trackSave, refreshWorkspace } = useApp();
  const [name, setName] = useState(integration.name);
  const [author, setAuthor] = useState(integration.author);
  const [businessCase, setBusinessCase] = useState(integration.businessCase);
  /** The status just chosen, shown while it saves; then the saved one (or, refused, the one before). */
  const [chosenStatus, setChosenStatus] = useState<Integration['status'] | null>(null);
  const status = chosenStatus ?? integration.status;
  const nameInput = useRef<HTMLInputElement>(null);
  const authorInput = useRef<HTMLInputElement>(null);
  const businessCaseInput = useRef<HTMLTextAreaElement>(null);

  // Take in values saved elsewhere (a reload, the command line) unless the field is being edited.
  useFollow(integration.name, setName, nameInput);
  useFollow(integration.author, setAuthor, authorInput);
  useFollow(integration.businessCase, setBusinessCase, businessCaseInput);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Saves one change; answers whether it was saved. */
  const save = async (changes: CallInput<'integration.update'>): Promise<boolean> => {
    setError(null);
    try {
      const updated = await trackSave(api['integration.update'](changes));
      onUpdated(updated);
      if (changes.name !== undefined || changes.status !== undefined) await refreshWorkspace();
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    }
  };

  const saveName = () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError('The integration needs a name; the previous one was kept.');
      setName(integration.name);
      return;
    }
    setNameError(null);
    setName(trimmed);
    if (trimmed !== integration.name) void save({ name: trimmed });
  };

  const saveAuthor = () => {
    if (author !== integration.author) void save({ author });
  };

  const saveBusinessCase = () => {
    if (businessCase !== integration.businessCase) void save({ businessCase });
  };

  /** Enter commits a single-line field, Escape puts the saved value back. */
  const lineKeys = (revert: () => void) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.currentTarget.blur();
    if (event.key === 'Escape') {
      revert();
      setNameError(null);
      // Let the state settle before blurring, so the blur handler sees the reverted value.
      const target = event.currentTarget;
      window.setTimeout(() => target.blur());
    }
  };

  return (
    <section className="panel integration-panel" aria-labelledby="integration-title">
      <div className="panel-header">
        <h2 className="panel-title" id="integration-title">
          Integration
        </h2>
        <span className="panel-subtitle">Changes are saved when you leave a field</span>
      </div>
      <div className="panel-body integration-form">
        <div className="field">
          <label className="field-label" htmlFor="integration-name">
            Name
          </label>
          <input
            id="integration-name"
            ref={nameInput}
            className="input input-title"
            value={name}
            maxLength={200}
            onChange={(event) => {
              setName(event.target.value);
              setNameError(null);
            }}
            onBlur={saveName}
            onKeyDown={lineKeys(() => setName(integration.name))}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'integration-name-error' : undefined}
            spellCheck={false}
          />
          {nameError && (
            <span className="field-error" id="integration-name-error">
              {nameError}
            </span>
          )}
        </div>
        <div className="integration-row">
          <div className="field">
            <label className="field-label" htmlFor="integration-status">
              Status
            </label>
            <select
              id="integration-status"
              className="select"
              value={status}
              onChange={(event) => {
                const next = event.target.value as Integration['status'];
                setChosenStatus(next);
                void save({ status: next }).then(() => setChosenStatus(null));
              }}
            >
              {statuses.map((value) => (
                <option key={value} value={value}>
                  {integrationStatusLabels[value]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="integration-author">
              Author
            </label>
            <input
              id="integration-author"
              ref={authorInput}
              className="input"
              value={author}
              maxLength={200}
              placeholder="Who writes this specification"
              onChange={(event) => setAuthor(event.target.value)}
              onBlur={saveAuthor}
              onKeyDown={lineKeys(() => setAuthor(integration.author))}
            />
          </div>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="integration-business-case">
            Business case
          </label>
          <textarea
            id="integration-business-case"
            ref={businessCaseInput}
            className="textarea"
            rows={6}
            value={businessCase}
            maxLength={20000}
            placeholder="Why this integration exists: the problem today, who benefits, and what changes once it runs."
            onChange={(event) => setBusinessCase(event.target.value)}
            onBlur={saveBusinessCase}
          />
        </div>
        {error && <Alert onDismiss={() => setError(null)}>{error}</Alert>}
        <p className="integration-meta">
          Created {formatDate(integration.createdAt)} · Last changed {formatRelative(integration.updatedAt)}
        </p>
      </div>
    </section>
  );
}

/** Keeps a draft in step with the saved value, except while the analyst is typing in the field. */
function useFollow(saved: string, setDraft: (value: string) => void, field: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (document.activeElement !== field.current) setDraft(saved);
  }, [saved, setDraft, field]);
}

interface Step {
  title: string;
  detail: string;
  done: boolean;
  area: AreaId;
  section?: string;
}

function nextSteps(counts: Counts): Step[] {
  return [
    {
      title: 'Import both systems',
      detail:
        counts.systems >= 2
          ? `${counts.systems} systems imported`
          : counts.systems === 1
            ? 'One imported: add the other side'
            : 'The source and the target API',
      done: counts.systems >= 2,
      area: 'systems',
    },
    {
      title: 'Define data flows',
      detail: counts.flows ? `${counts.flows} data flow${counts.flows === 1 ? '' : 's'} defined` : 'Which entity goes where, and what triggers it',
      done: counts.flows > 0,
      area: 'mapping',
    },
    {
      title: 'Map fields',
      detail: counts.mappings
        ? `${Math.floor((counts.mappingsDone / counts.mappings) * 100)}% mapped; ${counts.flowsComplete} of ${counts.flows} flow${counts.flows === 1 ? '' : 's'} complete`
        : 'Match each target field to its source',
      done: counts.flows > 0 && counts.flowsComplete === counts.flows,
      area: 'mapping',
    },
    {
      title: 'Write test cases',
      detail: counts.testCases ? `${counts.testCases} test case${counts.testCases === 1 ? '' : 's'}` : 'What the testers check, flow by flow',
      done: counts.testCases > 0,
      area: 'spec',
      section: 'test-cases',
    },
    {
      title: 'Export the workbook',
      detail: 'Share the spec as an Excel workbook',
      done: false,
      area: 'spec',
      section: 'export',
    },
  ];
}

function NextSteps({ counts }: { counts: Counts }) {
  const steps = nextSteps(counts);
  const done = steps.filter((step) => step.done).length;
  const next = steps.find((step) => !step.done);
  return (
    <section className="panel next-steps" aria-labelledby="next-steps-title">
      <div className="panel-header">
        <h2 className="panel-title" id="next-steps-title">
          Next steps
        </h2>
        <span className="spacer" />
        <span className="panel-subtitle">
          {done} of {steps.length} done
        </span>
        <span className="progress progress-compact" role="progressbar" aria-label="Steps done" aria-valuemin={0} aria-valuemax={steps.length} aria-valuenow={done}>
          <span style={{ width: `${(done / steps.length) * 100}%` }} />
        </span>
      </div>
      <ol className="steps">
        {steps.map((step) => (
          <li key={step.title}>
            <a className={`step${step.done ? ' step-done' : ''}${step === next ? ' step-next' : ''}`} href={hashFor(step.area, step.section ?? '')}>
              <span className="step-check" aria-hidden="true">
                {step.done && <CheckIcon size={12} />}
              </span>
              <span className="step-text">
                <span className="step-title">
                  {step.title}
                  {step.done && <span className="visually-hidden"> (done)</span>}
                </span>
                <span className="step-detail">{step.detail}</span>
              </span>
              {step === next && <span className="badge badge-accent">Next</span>}
              <span className="step-area">
                {areaById(step.area).label}
                <ChevronRightIcon size={13} />
              </span>
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
