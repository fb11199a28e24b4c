// Security schemes matched by their key in securitySchemes / securityDefinitions.
import type { CatalogueOAuthFlow, CatalogueSecurityScheme } from '../../../shared/catalogue';
import type { AddedRemovedChanged, AspectChange, DiffSecurityScheme, SecuritySchemeChange } from '../../../shared/catalogue-diff';
import { textChange } from './aspects';
import { worst } from './severity';
import { compareText, listDelta } from './values';

const schemeRef = (scheme: CatalogueSecurityScheme, severity: DiffSecurityScheme['severity']): DiffSecurityScheme => ({
  name: scheme.name,
  type: scheme.type,
  severity,
});

const within = (change: AspectChange | undefined, flow: string) => (change ? { ...change, within: flow } : undefined);

function flowChanges(before: CatalogueOAuthFlow, after: CatalogueOAuthFlow): Array<AspectChange | undefined> {
  const { added, removed } = listDelta(
    before.scopes.map((scope) => scope.name),
    after.scopes.map((scope) => scope.name),
  );
  const scopes: AspectChange | undefined =
    added.length > 0 || removed.length > 0 ? { aspect: 'scopes', severity: removed.length > 0 ? 'breaking' : 'info', added, removed, within: after.type } : undefined;
  return [
    within(textChange('authorizationUrl', before.authorizationUrl, after.authorizationUrl, 'risky'), after.type),
    within(textChange('tokenUrl', before.tokenUrl, after.tokenUrl, 'risky'), after.type),
    within(textChange('refreshUrl', before.refreshUrl, after.refreshUrl, 'risky'), after.type),
    scopes,
  ];
}

function oauthChanges(before: CatalogueOAuthFlow[], after: CatalogueOAuthFlow[]): Array<AspectChange | undefined> {
  const { added, removed } = listDelta(
    before.map((flow) => flow.type),
    after.map((flow) => flow.type),
  );
  const changes: Array<AspectChange | undefined> = [];
  if (added.length > 0 || removed.length > 0) changes.push({ aspect: 'flows', severity: removed.length > 0 ? 'breaking' : 'info', added, removed });
  for (const flow of after) {
    const old = before.find((candidate) => candidate.type === flow.type);
    if (old) changes.push(...flowChanges(old, flow));
  }
  return changes;
}

function schemeChanges(before: CatalogueSecurityScheme, after: CatalogueSecurityScheme): AspectChange[] {
  const typeOf = (scheme: CatalogueSecurityScheme) => (scheme.type === 'unknown' ? `unknown (${scheme.originalType})` : scheme.type);
  const type = textChange('schemeType', typeOf(before), typeOf(after), 'breaking');
  if (type) return [type];
  const changes: Array<AspectChange | undefined> = [];
  if (before.type === 'apiKey' && after.type === 'apiKey') {
    changes.push(textChange('in', before.in, after.in, 'breaking'), textChange('parameterName', before.parameterName, after.parameterName, 'breaking'));
  } else if (before.type === 'bearer' && after.type === 'bearer') {
    changes.push(textChange('bearerFormat', before.bearerFormat, after.bearerFormat, 'risky'));
  } else if (before.type === 'http' && after.type === 'http') {
    changes.push(textChange('scheme', before.scheme, after.scheme, 'breaking'));
  } else if (before.type === 'openIdConnect' && after.type === 'openIdConnect') {
    changes.push(textChange('openIdConnectUrl', before.openIdConnectUrl, after.openIdConnectUrl, 'risky'));
  } else if (before.type === 'oauth2' && after.type === 'oauth2') {
    changes.push(...oauthChanges(before.flows, after.flows));
  }
  return changes.filter((change): change is AspectChange => change !== undefined);
}

const byName = (a: { name: string }, b: { name: string }) => compareText(a.name, b.name);

export function diffSecuritySchemes(
  before: CatalogueSecurityScheme[],
  after: CatalogueSecurityScheme[],
): AddedRemovedChanged<DiffSecurityScheme, SecuritySchemeChange> {
  const old = new Map(before.map((scheme) => [scheme.name, scheme]));
  const now = new Map(after.map((scheme) => [scheme.name, scheme]));
  const changed: SecuritySchemeChange[] = [];
  for (const scheme of after) {
    const previous = old.get(scheme.name);
    if (!previous) continue;
    const changes = schemeChanges(previous, scheme);
    if (changes.length > 0) changed.push({ ...schemeRef(scheme, worst(...changes)), changes });
  }
  return {
    added: after.filter((scheme) => !old.has(scheme.name)).map((scheme) => schemeRef(scheme, 'info')).sort(byName),
    // The integration may authenticate with exactly this scheme.
    removed: before.filter((scheme) => !now.has(scheme.name)).map((scheme) => schemeRef(scheme, 'breaking')).sort(byName),
    changed: changed.sort(byName),
  };
}
