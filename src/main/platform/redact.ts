// The one redaction of Crosswalk: logs, exports, error messages, CLI output and request history all
// pass what they show through a Redactor, and none redacts by its own rules.

/** What replaces every redacted value. */
export const REDACTED = '***';

/**
 * Known values shorter than this are not redacted: replacing every "abc" or "1234"-length match would
 * mangle ordinary text and, by where the markers fall, give the value away. Such short values are no
 * credentials worth the name; their URL and header positions are still redacted by name.
 */
export const MIN_KNOWN_LENGTH = 4;

export type HeaderMap = Record<string, string | readonly string[] | undefined>;

// Names whose value is a credential: api_key, apiKey, X-Auth-Token, client_secret, Cookie, sig…
// Matched against the name lower-cased, with camelCase humps and punctuation turned into "_".
const SECRET_NAME =
  /(^|_)(key|sig|pass|pwd|jwt)(_|$)|(^|_)auth(?!or(_|$))|token|secret|passw(or)?d|passphrase|api_?key|signature|credential|cookie|session/;

/** Whether a query parameter, header or field named `name` carries a credential. */
export function looksSecret(name: string): boolean {
  let known = judged.get(name);
  if (known === undefined) {
    known = SECRET_NAME.test(
      name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_'),
    );
    // The same few header and parameter names come back with every request and answer.
    if (judged.size >= 1000) judged.clear();
    judged.set(name, known);
  }
  return known;
}

const judged = new Map<string, boolean>();

// `scheme://user:password@` (the user-info ends at the authority's last "@").
const USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*(?:@[^\s/?#@]*)*@/gi;
// `name=value` after "?", "&", ";" or "#": a URL's query or fragment, in a full URL, a path or a form body.
const PARAMETER = /([?&;#])([^\s=&#;?"'<>]+)=([^\s&#;"'<>]*)/g;

/**
 * Redacts text for showing or storing: values added with `add` wherever they appear (also
 * URL-encoded or JSON-escaped), URL user-info, and the values of secret-looking query parameters.
 * Everything else is kept as written.
 */
export class Redactor {
  private readonly known = new Set<string>();
  /** The values added, each once: every send teaches the same few again. */
  private readonly added = new Set<string>();
  private pattern: RegExp | null = null;

  /** Remembers a secret value (and its encoded forms) so that it is redacted wherever it appears. */
  add(value: string): void {
    if (value.length < MIN_KNOWN_LENGTH || this.added.has(value)) return;
    this.added.add(value);
    const before = this.known.size;
    for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) this.known.add(form);
    if (this.known.size !== before) this.pattern = null;
  }

  text(text: string): string {
    let redacted = this.knownValues(text);
    // Most text (a header's value) has neither user-info nor parameters: no need to search it for them.
    if (redacted.includes('@')) redacted = redacted.replace(USER_INFO, `$1${REDACTED}@`);
    if (redacted.includes('=')) redacted = redacted.replace(PARAMETER, (whole, separator: string, name: string) => (looksSecret(name) ? `${separator}${name}=${REDACTED}` : whole));
    return redacted;
  }

  /** A URL is text to the redactor: the same rules, named for what the caller holds. */
  url(url: string | URL): string {
    return this.text(String(url));
  }

  /** A copy of `headers` with credential headers' values replaced and the others' redacted as text. */
  headers<T extends HeaderMap>(headers: T): T {
    return Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [
        name,
        value === undefined ? value : typeof value === 'string' ? this.header(name, value) : value.map((item) => this.header(name, item)),
      ]),
    ) as T;
  }

  /** One header's value: replaced when the name says it is a credential, else redacted as text. */
  header(name: string, value: string): string {
    return looksSecret(name) ? REDACTED : this.text(value);
  }

  private knownValues(text: string): string {
    if (this.known.size === 0) return text;
    // Longest first, so that a value containing another is redacted whole.
    this.pattern ??= new RegExp(
      [...this.known]
        .sort((a, b) => b.length - a.length)
        .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, REDACTED);
  }
}

/** Redacts by the rules alone (URLs, headers), knowing no values: for pure cases such as a document's server address. */
export const defaultRedactor: Omit<Redactor, 'add'> = new Redactor();

/**
 * The same rules, for a document Crosswalk keeps: each credential is replaced by a named placeholder
 * (`{{server_password}}`, `{{api_key}}`) that a secret can later fill, rather than by `***`. One value
 * keeps one name across everything replaced through the same instance, so a document imported again
 * gets the same placeholders; another value under a taken name gets `_2`, `_3`…
 */
export class CredentialPlaceholders {
  private readonly names = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** The placeholders given so far, in order. */
  get removed(): string[] {
    return [...this.taken];
  }

  text(text: string): string {
    return text
      .replace(USER_INFO, (_whole, scheme: string) => {
        const userInfo = _whole.slice(scheme.length, -1);
        const colon = userInfo.indexOf(':');
        if (colon === -1) return `${scheme}${this.placeholder('server_token', userInfo)}@`;
        return `${scheme}${this.placeholder('server_username', userInfo.slice(0, colon))}:${this.placeholder('server_password', userInfo.slice(colon + 1))}@`;
      })
      .replace(PARAMETER, (whole, separator: string, name: string, value: string) =>
        looksSecret(name) && value !== '' && !/^\{\{\w+\}\}$/.test(value)
          ? `${separator}${name}=${this.placeholder(name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'secret', value)}`
          : whole,
      );
  }

  private placeholder(name: string, value: string): string {
    if (/^\{\{\w+\}\}$/.test(value)) return value;
    const key = `${name}\u0000${value}`;
    let given = this.names.get(key);
    if (!given) {
      given = name;
      for (let suffix = 2; this.taken.has(given); suffix++) given = `${name}_${suffix}`;
      this.taken.add(given);
      this.names.set(key, given);
    }
    return `{{${given}}}`;
  }
}
