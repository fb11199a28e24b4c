// Where secrets sit in a request's or an environment's definition, and what they are called in the
// workspace's secret table. One walk serves sealing on save, showing ({ secret: true, set }) and
// opening for a send, so the three cannot disagree on which value is which secret.
import { looksSecret } from '../../platform/redact';

/** A value as the walk meets it: a plain string, or a placeholder ({ secret: true, set, [name] }). */
export type SlotValue = string | { secret: true; set: boolean; name?: string };

/** Gives a secret slot its new value; `name` is the secret's name in the table. */
export type SlotMapper = (name: string, value: SlotValue) => SlotValue;

const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization', 'set-cookie']);

/**
 * Classification on entry: Authorization, Cookie, Proxy-Authorization and API-key or token headers, and
 * secret-looking query or form names (api_key, access_token…), are secrets whatever the analyst said.
 */
export function isCredentialName(name: string): boolean {
  return CREDENTIAL_HEADERS.has(name.trim().toLowerCase()) || looksSecret(name.trim());
}

interface Row {
  name: string;
  secret: boolean;
  value: SlotValue;
}

// A row or variable has `secret: true` too, but also a `value`.
const isPlaceholder = (value: unknown): value is { secret: true; set: boolean; name?: string } =>
  typeof value === 'object' && value !== null && (value as { secret?: unknown }).secret === true && typeof (value as { set?: unknown }).set === 'boolean' && !('value' in value);

function rows<R extends Row>(list: R[] | undefined, prefix: string, kind: string, map: SlotMapper): R[] | undefined {
  if (!list) return list;
  const seen = new Map<string, number>();
  return list.map((row) => {
    const secret = row.secret || isPlaceholder(row.value) || isCredentialName(row.name);
    if (!secret) return { ...row, secret };
    const base = `${prefix}${kind}.${row.name.trim().toLowerCase()}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { ...row, secret, value: map(count === 1 ? base : `${base}#${count}`, row.value) };
  });
}

/** Walks an auth definition's secret fields (basic, apiKey, bearer, oauth2). */
export function authSlots<A extends { kind: string }>(auth: A | undefined, prefix: string, map: SlotMapper): A | undefined {
  if (!auth) return auth;
  const slot = (field: string, value: unknown) => map(`${prefix}auth.${field}`, (value ?? { secret: true, set: false }) as SlotValue);
  const copy = { ...auth } as Record<string, unknown>;
  for (const field of ['password', 'value', 'token', 'clientSecret']) if (field in copy) copy[field] = slot(field, copy[field]);
  return copy as A;
}

interface RequestLike {
  query?: Row[];
  headers?: Row[];
  body?: { kind: string; fields?: Row[] };
  auth?: { kind: string };
}

/** A request's secrets: secret query, header and form rows, and auth values; named `request<id>.…`. */
export function requestSlots<D extends RequestLike>(definition: D, prefix: string, map: SlotMapper): D {
  const body = definition.body?.kind === 'form-urlencoded' ? { ...definition.body, fields: rows(definition.body.fields, prefix, 'form', map) } : definition.body;
  return {
    ...definition,
    query: rows(definition.query, prefix, 'query', map),
    headers: rows(definition.headers, prefix, 'header', map),
    body,
    auth: authSlots(definition.auth, prefix, map),
  };
}

interface Variable {
  name: string;
  secret: boolean;
  value: SlotValue;
}

interface EnvironmentLike {
  variables?: Variable[];
  tls?: { clientCert?: { kind: string } };
  proxy?: { mode: string };
  auth?: { kind: string };
}

/**
 * An environment's secrets. A secret variable is named as the variable itself (so CROSSWALK_SECRET_<NAME>
 * overrides it); the rest `env<id>.tls.keyPem`, `env<id>.proxy.password`, `env<id>.auth.…`.
 */
export function environmentSlots<D extends EnvironmentLike>(definition: D, prefix: string, map: SlotMapper): D {
  const variables = definition.variables?.map((variable) => {
    const secret = variable.secret || isPlaceholder(variable.value) || looksSecret(variable.name);
    return secret ? { ...variable, secret, value: map(variable.name, variable.value) } : { ...variable, secret };
  });
  let tls = definition.tls;
  const cert = tls?.clientCert as Record<string, unknown> | undefined;
  if (tls && cert && cert.kind !== 'none') {
    const copy = { ...cert };
    for (const field of ['keyPem', 'pfxBase64', 'passphrase']) if (field in copy) copy[field] = map(`${prefix}tls.${field}`, (copy[field] ?? { secret: true, set: false }) as SlotValue);
    tls = { ...tls, clientCert: copy as { kind: string } };
  }
  let proxy = definition.proxy;
  if (proxy && 'password' in proxy) {
    const password = map(`${prefix}proxy.password`, ((proxy as { password?: SlotValue }).password ?? { secret: true, set: false }) as SlotValue);
    proxy = { ...proxy, password } as typeof proxy;
  }
  return { ...definition, variables, tls, proxy, auth: authSlots(definition.auth, prefix, map) };
}

/** Replaces every stored placeholder by what the renderer sees: { secret: true, set }. */
export function publicView<T>(value: T): T {
  if (Array.isArray(value)) return value.map(publicView) as T;
  if (isPlaceholder(value)) return { secret: true, set: value.set } as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, publicView(item)])) as T;
  return value;
}
