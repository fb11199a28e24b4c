// The Auth tab: each security scheme as a card: what kind, where the credential goes, OAuth flows
// with their URLs and scopes, and how many operations accept it.
import { useMemo } from 'react';
import type { Catalogue, CatalogueOAuthFlow, CatalogueSecurityScheme } from '../../../../shared/catalogue';
import { EmptyState } from '../../components/EmptyState';
import { KeyIcon, ShieldIcon } from '../../components/icons';
import { plural } from '../../format';
import { flowLabels, schemeTypeLabels } from './operation-format';

export function AuthTab({ catalogue }: { catalogue: Catalogue }) {
  const usage = useMemo(() => {
    const counts = new Map<string, number>();
    let open = 0;
    for (const operation of catalogue.operations) {
      const schemes = new Set(operation.security.flatMap((alternative) => alternative.map((entry) => entry.scheme)));
      if (operation.security.length === 0 || operation.security.some((alternative) => alternative.length === 0)) open += 1;
      for (const scheme of schemes) counts.set(scheme, (counts.get(scheme) ?? 0) + 1);
    }
    return { counts, open };
  }, [catalogue]);

  if (catalogue.securitySchemes.length === 0) {
    return (
      <EmptyState icon={ShieldIcon} title="The document declares no authentication">
        <p>
          There are no <code>securitySchemes</code> (or <code>securityDefinitions</code>). The API may really be open, but
          more often its authentication is only described in the provider&apos;s guides. Ask the provider how a client
          authenticates, and note the answer as an open question on the Overview.
        </p>
      </EmptyState>
    );
  }

  return (
    <div className="tab-scroll">
      {usage.open > 0 && (
        <p className="tab-note">
          {plural(usage.open, 'operation')} can be called without authentication.
        </p>
      )}
      <div className="card-grid">
        {catalogue.securitySchemes.map((scheme) => (
          <SchemeCard key={scheme.name} scheme={scheme} operations={usage.counts.get(scheme.name) ?? 0} />
        ))}
      </div>
    </div>
  );
}

function SchemeCard({ scheme, operations }: { scheme: CatalogueSecurityScheme; operations: number }) {
  return (
    <section className="panel scheme-card" aria-labelledby={`scheme-${scheme.name}`}>
      <div className="scheme-head">
        <span className="scheme-icon">
          <KeyIcon />
        </span>
        <div className="scheme-heading">
          <h3 className="scheme-name mono" id={`scheme-${scheme.name}`}>
            {scheme.name}
          </h3>
          <span className="scheme-type">{schemeTypeLabels[scheme.type]}</span>
        </div>
        <span className="badge" title="Operations that accept this scheme">
          {operations === 0 ? 'Not used' : `${plural(operations, 'operation')}`}
        </span>
      </div>
      {scheme.description && <p className="scheme-description">{scheme.description}</p>}
      <SchemeDetail scheme={scheme} />
    </section>
  );
}

function SchemeDetail({ scheme }: { scheme: CatalogueSecurityScheme }) {
  switch (scheme.type) {
    case 'apiKey':
      return (
        <dl className="properties scheme-properties">
          <dt>Sent in</dt>
          <dd>
            the {scheme.in === 'query' ? 'query string' : scheme.in}{' '}
            <span className="faint">as</span> <code className="value-chip">{scheme.parameterName}</code>
          </dd>
          <dt>Example</dt>
          <dd>
            <code className="example-line">{scheme.in === 'header' ? `${scheme.parameterName}: <key>` : scheme.in === 'query' ? `?${scheme.parameterName}=<key>` : `Cookie: ${scheme.parameterName}=<key>`}</code>
          </dd>
        </dl>
      );
    case 'basic':
      return (
        <dl className="properties scheme-properties">
          <dt>Sent in</dt>
          <dd>the Authorization header: user name and password, Base64-encoded</dd>
          <dt>Example</dt>
          <dd>
            <code className="example-line">Authorization: Basic &lt;base64(user:password)&gt;</code>
          </dd>
        </dl>
      );
    case 'bearer':
      return (
        <dl className="properties scheme-properties">
          <dt>Sent in</dt>
          <dd>the Authorization header</dd>
          {scheme.bearerFormat && (
            <>
              <dt>Token format</dt>
              <dd>{scheme.bearerFormat}</dd>
            </>
          )}
          <dt>Example</dt>
          <dd>
            <code className="example-line">Authorization: Bearer &lt;token&gt;</code>
          </dd>
        </dl>
      );
    case 'openIdConnect':
      return (
        <dl className="properties scheme-properties">
          <dt>Discovery</dt>
          <dd className="mono path">{scheme.openIdConnectUrl}</dd>
        </dl>
      );
    case 'mutualTLS':
      return <p className="scheme-text">The client proves who it is with its own TLS certificate when it connects.</p>;
    case 'http':
      return (
        <dl className="properties scheme-properties">
          <dt>Scheme</dt>
          <dd>
            <code className="value-chip">{scheme.scheme}</code> in the Authorization header
          </dd>
        </dl>
      );
    case 'unknown':
      return (
        <p className="scheme-text">
          The document gives the type <code>{scheme.originalType}</code>, which OpenAPI does not define: ask the provider
          what it means.
        </p>
      );
    case 'oauth2':
      return scheme.flows.length === 0 ? (
        <p className="scheme-text">No flows are described.</p>
      ) : (
        <div className="flows">
          {scheme.flows.map((flow) => (
            <OAuthFlow key={flow.type} flow={flow} />
          ))}
        </div>
      );
  }
}

function OAuthFlow({ flow }: { flow: CatalogueOAuthFlow }) {
  const urls: Array<[string, string | undefined]> = [
    ['Authorization URL', flow.authorizationUrl],
    ['Token URL', flow.tokenUrl],
    ['Refresh URL', flow.refreshUrl],
  ];
  return (
    <div className="flow">
      <div className="flow-title">{flowLabels[flow.type] ?? flow.type} flow</div>
      <dl className="properties scheme-properties">
        {urls
          .filter((entry): entry is [string, string] => !!entry[1])
          .map(([label, url]) => (
            <div key={label} className="properties-row">
              <dt>{label}</dt>
              <dd className="mono path">{url}</dd>
            </div>
          ))}
      </dl>
      {flow.scopes.length > 0 ? (
        <table className="scope-table">
          <caption className="visually-hidden">Scopes of the {flowLabels[flow.type] ?? flow.type} flow</caption>
          <thead>
            <tr>
              <th scope="col">Scope</th>
              <th scope="col">Grants</th>
            </tr>
          </thead>
          <tbody>
            {flow.scopes.map((scope) => (
              <tr key={scope.name}>
                <td className="mono">{scope.name}</td>
                <td>{scope.description || <span className="faint">No description</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="scheme-text faint">No scopes.</p>
      )}
    </div>
  );
}
