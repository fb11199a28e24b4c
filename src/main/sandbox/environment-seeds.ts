// Environments prefilled from a document's servers: one per absolute server URL not yet used, named and
// classified as the catalogue classifies it, server variables as the environment's variables.
import type { CatalogueServer } from '../../shared/catalogue';
import type { EnvironmentInput, EnvironmentKind } from '../../shared/contract';

export function environmentSeeds(systemId: number, servers: CatalogueServer[], taken: { names: Set<string>; serverUrls: Set<string> }): Array<{ input: EnvironmentInput; serverUrl: string }> {
  const seeds: Array<{ input: EnvironmentInput; serverUrl: string }> = [];
  const names = new Set([...taken.names].map((name) => name.toLowerCase()));
  for (const server of servers) {
    if (server.relative || taken.serverUrls.has(server.url)) continue;
    const kind = kindOf(server);
    let name = server.description?.trim().slice(0, 80) || `${kind[0]!.toUpperCase()}${kind.slice(1)}`;
    for (let suffix = 2; names.has(name.toLowerCase()); suffix += 1) name = `${name.replace(/ \(\d+\)$/, '')} (${suffix})`;
    names.add(name.toLowerCase());
    seeds.push({
      serverUrl: server.url,
      input: {
        systemId,
        name,
        kind,
        baseUrl: server.url.replace(/\{([^}]+)\}/g, (_whole, variable: string) => `{{${variable}}}`).replace(/\/+$/, ''),
        variables: server.variables.map((variable) => ({ name: variable.name, value: variable.default, secret: false, enabled: true })),
        tls: { caPem: '', clientCert: { kind: 'none' }, acceptSelfSigned: false },
        proxy: { mode: 'default' },
        auth: { kind: 'none' },
      },
    });
  }
  return seeds;
}

function kindOf(server: CatalogueServer): EnvironmentKind {
  if (/stag|uat|preprod|pre-prod/i.test(`${server.url} ${server.description ?? ''}`)) return 'staging';
  if (/mock|localhost|127\.0\.0\.1/i.test(`${server.url} ${server.description ?? ''}`)) return 'mock';
  if (server.environment === 'sandbox') return 'sandbox';
  if (server.environment === 'production') return 'production';
  return 'other';
}
