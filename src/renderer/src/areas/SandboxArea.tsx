// Sandbox: not built yet; says what will live here and what to prepare for it.
import type { ComponentType } from 'react';
import { EmptyState } from '../components/EmptyState';
import { BracesIcon, GlobeIcon, HistoryIcon, KeyIcon, SandboxIcon, SendIcon, SystemsIcon } from '../components/icons';
import { Page } from '../shell/Page';
import { areaById } from '../shell/areas';
import { useApp, useWorkspace } from '../state/app-context';

interface Feature {
  icon: ComponentType<{ size?: number }>;
  title: string;
  text: string;
}

const features: Feature[] = [
  {
    icon: SendIcon,
    title: 'Requests from the spec',
    text: 'Pick an operation of an imported system; path, query, headers and body are laid out from its OpenAPI description.',
  },
  {
    icon: GlobeIcon,
    title: 'Environments',
    text: 'The servers each document lists (sandbox, staging, production) with their base URLs and variables.',
  },
  {
    icon: KeyIcon,
    title: 'Authentication',
    text: 'API keys, bearer tokens and OAuth 2.0 client credentials per environment, following the security schemes of the spec.',
  },
  {
    icon: HistoryIcon,
    title: 'History',
    text: 'Every request sent and the response received, to repeat a call or show a developer exactly what happened.',
  },
  {
    icon: BracesIcon,
    title: 'Sample payloads',
    text: 'Responses worth keeping, saved as examples for field mapping and for the test cases in the spec.',
  },
];

export function SandboxArea() {
  const { navigate } = useApp();
  const workspace = useWorkspace();
  const area = areaById('sandbox');
  const systems = workspace.counts.systems;

  return (
    <Page title={area.title} description={area.description}>
      <div className="sandbox">
        <EmptyState
          icon={SandboxIcon}
          title="The sandbox is where you try the real APIs"
          actions={
            <button type="button" className={systems === 0 ? 'btn btn-primary' : 'btn'} onClick={() => navigate('systems')}>
              <SystemsIcon />
              {systems === 0 ? 'Import a system first' : 'Review the imported systems'}
            </button>
          }
        >
          <p>
            Before mapping a field, check what the API really sends back. The sandbox builds requests from the operations in
            the imported OpenAPI documents and sends them to the systems&apos; test environments.
          </p>
          <p>
            {systems === 0
              ? 'First step: import a system whose OpenAPI document lists its servers, so the sandbox knows where to send requests.'
              : `You have ${systems === 1 ? 'one system' : `${systems} systems`} imported. The sandbox will use the servers their documents list; make sure each lists its test environment.`}
          </p>
        </EmptyState>
        <section aria-labelledby="sandbox-features-title" className="feature-section">
          <h2 id="sandbox-features-title" className="feature-section-title">
            What comes here
          </h2>
          <ul className="feature-grid">
            {features.map((feature) => {
              const Icon = feature.icon;
              return (
                <li key={feature.title} className="feature">
                  <span className="feature-icon">
                    <Icon />
                  </span>
                  <span className="feature-title">{feature.title}</span>
                  <span className="feature-text">{feature.text}</span>
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </Page>
  );
}
