// The one place the http service turns an address into text for a message or a log. Until the shared
// redact service exists it drops `user:password@` and masks every query value (which of them are
// secret cannot be told); switching to redact means changing these two functions only.

const maskQuery = (query: string) =>
  query
    .split('&')
    .map((part) => (part === '' ? part : part.includes('=') ? `${part.slice(0, part.indexOf('='))}=***` : '***'))
    .join('&');

/** `url` fit to print: without credentials, query values replaced by `***`. Works on malformed addresses too. */
export function displayUrl(url: string | URL): string {
  const text = String(url);
  try {
    const parsed = new URL(text);
    parsed.username = '';
    parsed.password = '';
    if (parsed.search.length > 1) parsed.search = `?${maskQuery(parsed.search.slice(1))}`;
    return parsed.href;
  } catch {
    return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1').replace(/\?([^#]*)/, (_, query: string) => `?${maskQuery(query)}`);
  }
}

/** `text` (an underlying error's message, say) with every address in it passed through displayUrl. */
export function displayUrlsIn(text: string): string {
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, (address) => displayUrl(address));
}
