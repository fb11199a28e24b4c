// The Servers tab: the base URLs the document lists, each marked sandbox, production or unknown.
import type { Catalogue, CatalogueEnvironment, CatalogueServer } from '../../../../shared/catalogue';
import { EmptyState } from '../../components/EmptyState';
import { ServerIcon } from '../../components/icons';

export const environmentLabels: Record<CatalogueEnvironment, string> = {
  sandbox: 'Sandbox',
  production: 'Production',
  unknown: 'Unknown',
};

const environmentTone: Record<CatalogueEnvironment, string> = {
  sandbox: 'badge badge-success badge-dot',
  production: 'badge badge-danger badge-dot',
  unknown: 'badge badge-dot',
};

const environmentHint: Record<CatalogueEnvironment, string> = {
  sandbox: 'Test data: safe to try requests against',
  production: 'Live data: requests here change real records',
  unknown: 'Neither the address nor the description says which environment this is',
};

export function EnvironmentBadge({ environment }: { environment: CatalogueEnvironment }) {
  return (
    <span className={environmentTone[environment]} title={environmentHint[environment]}>
      {environmentLabels[environment]}
    </span>
  );
}

export function ServersTab({ catalogue }: { catalogue: Catalogue }) {
  if (catalogue.servers.length === 0) {
    return (
      <EmptyState icon={ServerIcon} title="The document lists no servers">
        <p>
          Without <code>servers</code> (or Swagger&apos;s <code>host</code> and <code>basePath</code>) the document does not
          say where the API lives. Ask the provider for the sandbox and production base URLs.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="tab-scroll">
      <ul className="panel server-list" aria-label="Servers">
        {catalogue.servers.map((server, index) => (
          <ServerRow key={`${server.url}|${index}`} server={server} />
        ))}
      </ul>
      {!catalogue.servers.some((server) => server.environment === 'sandbox') && (
        <p className="tab-note">
          No server looks like a sandbox. Ask the provider whether there is a test environment before trying requests.
        </p>
      )}
    </div>
  );
}

function ServerRow({ server }: { server: CatalogueServer }) {
  return (
    <li className="server-row">
      <span className="server-icon">
        <ServerIcon />
      </span>
      <div className="server-text">
        <div className="server-url mono">{server.url}</div>
        {server.resolvedUrl !== server.url && (
          <div className="server-resolved">
            <span className="faint">With the defaults:</span> <span className="mono">{server.resolvedUrl}</span>
          </div>
        )}
        {server.description && <div className="server-description">{server.description}</div>}
        {server.relative && (
          <div className="server-note">Relative: it is resolved against the address the document was downloaded from.</div>
        )}
        {server.variables.length > 0 && (
          <dl className="server-variables">
            {server.variables.map((variable) => (
              <div key={variable.name} className="server-variable">
                <dt className="mono">{`{${variable.name}}`}</dt>
                <dd>
                  <code className="value-chip">{variable.default}</code>
                  {variable.enum && variable.enum.length > 1 && <span className="faint"> one of {variable.enum.join(', ')}</span>}
                  {variable.description && <span className="faint"> · {variable.description}</span>}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <EnvironmentBadge environment={server.environment} />
    </li>
  );
}
