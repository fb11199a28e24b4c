// Links by role. A record's own link (`url`, `self`, `href`, `html_url`, `download_url`: where the record or its
// content lives, by REST convention) is not a link the record holds for another purpose: where it delivers events
// (`webhookUrl`, `callback_url`, `payload_url`), what it links to (`website`, `logo_url`), or an action
// (`deactivationUrl`, `ping_url`). Two links of different roles are different values, whatever their shared "url".
import type { Prepared } from './prepare';
import { normalWords, ownValue } from './tokens';

/** Words naming a link without saying what it is for. */
const LINK_WORDS = new Set(['url', 'uri', 'href', 'link', 'links', 'iri', 'address']);
/** Words naming the record's own link: its API resource, its web page, its content (a file's download). */
const SELF_WORDS = new Set(['self', 'html', 'web', 'api', 'resource', 'permalink', 'canonical', 'public', 'private', 'download', 'view', 'share', 'shared', 'direct', 'content']);
/** Parents that hold settings, not a thing the link is for (`config.url` is where the configured thing points). */
const SETTING_WORDS = new Set(['config', 'configuration', 'settings', 'setting', 'options', 'option', 'properties', 'attributes', 'data']);
/** Roles named by several words: the words of one role → that role. */
const ROLE_OF: Record<string, string> = {
  // Where a record delivers what happens (webhooks, callbacks, notifications).
  webhook: 'hook',
  hook: 'hook',
  callback: 'hook',
  payload: 'hook',
  notification: 'hook',
  notify: 'hook',
  postback: 'hook',
  endpoint: 'hook',
  listener: 'hook',
  // A party's web site.
  website: 'website',
  websites: 'website',
  homepage: 'website',
  home: 'website',
  page: 'website',
  site: 'website',
  // A picture of the record.
  image: 'image',
  images: 'image',
  photo: 'image',
  picture: 'image',
  avatar: 'image',
  icon: 'image',
  logo: 'image',
  thumbnail: 'image',
};

const URL_FORMATS = new Set(['uri', 'url', 'iri', 'uri-reference', 'iri-reference']);

/**
 * A link's role: 'self' for the record's own link (a top-level field, or one under an object named by link words or
 * `self` only, named by link and self words only),
 * else its role words (`webhookUrl` → hook; `websites[].url` → website); undefined when it is no link, or a
 * bare link under a settings object (`config.url`: what it is for is not said).
 */
export function urlRole(p: Prepared): 'self' | readonly string[] | undefined {
  if (p.baseType !== 'string') return undefined;
  const own = normalWords(p.field.name);
  const named = own.some((word) => word === 'url' || word === 'uri' || word === 'href' || word === 'permalink');
  if (!named && !URL_FORMATS.has(p.format ?? '')) return undefined;
  const roleWords = (words: readonly string[]) => words.filter((word) => !LINK_WORDS.has(word) && !SELF_WORDS.has(word)).map((word) => ownValue(ROLE_OF, word) ?? word);
  let roles = roleWords(own);
  const parentWords = p.parent ? normalWords(p.parent.split('.').pop()!.replace(/\[\]/g, '')) : [];
  // A bare link (`avatar.href`, `websites[].url`) is its parent's.
  if (roles.length === 0 && p.parent && !parentWords.every((word) => LINK_WORDS.has(word) || word === 'self')) {
    if (parentWords.some((word) => SETTING_WORDS.has(word))) return undefined;
    roles = roleWords(parentWords);
  }
  if (roles.length > 0) return [...new Set(roles)];
  return p.top || parentWords.every((word) => LINK_WORDS.has(word) || word === 'self') ? 'self' : undefined;
}

/** Marks each link's role. */
export function markUrlRoles(fields: Prepared[]): void {
  for (const p of fields) p.urlRole = urlRole(p);
}

/** How far two links' roles are apart: a factor on the pair's score (1 when they may be one link). */
export function urlRoleFactor(t: Prepared, s: Prepared): number {
  const a = t.urlRole;
  const b = s.urlRole;
  if (a === undefined || b === undefined || a === b) return 1;
  if (a === 'self' || b === 'self') return SELF_AGAINST_ROLE;
  return a.some((role) => (b as readonly string[]).includes(role)) ? 1 : ROLES_DIFFER;
}

/** The record's own link against a link held for a purpose. */
const SELF_AGAINST_ROLE = 0.5;
/** Two links held for different purposes. */
const ROLES_DIFFER = 0.6;

export const urlRoleReason = (t: Prepared, s: Prepared): string =>
  t.urlRole === 'self' || s.urlRole === 'self' ? "the record's own link against a link of another role" : 'links of different roles';
