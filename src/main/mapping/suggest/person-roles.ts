// People in roles, read as English names them: who did something is written as a past participle and "by"
// (`approved_by`), an agent noun (`approver`, `modifier`), or a verb and a person noun (`update_author`,
// `create_user`). All three read as one role term, the "X by" form (a known phrase's concept when there is one:
// `modified by` is `updated by`). A person noun after a role (`createdByResourceID`, `assigned_to_user`) only says
// that the role is held by a person: it is dropped, so `created_by` meets `createdByResourceID`.

/** Agent nouns of the verbs records name their people by: the noun → its verb. */
const AGENT_NOUNS: Record<string, string> = {
  approver: 'approve',
  reviewer: 'review',
  modifier: 'modify',
  updater: 'update',
  closer: 'close',
  resolver: 'resolve',
  assigner: 'assign',
  canceller: 'cancel',
  canceler: 'cancel',
  rejecter: 'reject',
  rejector: 'reject',
  verifier: 'verify',
  uploader: 'upload',
  signer: 'sign',
  deleter: 'delete',
  completer: 'complete',
};

/** Verbs naming what a person does to a record, read before a person noun (`update_author` is `updated_by`). */
const ROLE_VERBS = new Set([
  'create', 'update', 'modify', 'edit', 'change', 'approve', 'review', 'submit', 'close', 'resolve', 'assign', 'request',
  'delete', 'cancel', 'reject', 'complete', 'verify', 'upload', 'sign', 'own', 'open',
  ...Object.values(AGENT_NOUNS),
]);

/** Nouns naming a person (or the record standing for one) without saying which role. */
const PERSON_NOUNS = new Set(['user', 'person', 'member', 'people', 'resource', 'c:author']);

/** Roles a person acts in on the record (who wrote, changed, was assigned): a person noun after them adds nothing. */
export const isRole = (term: string) => ROLE_TERMS.has(term) || term.endsWith(' by');
const ROLE_TERMS = new Set(['c:author', 'c:assignee', 'c:updated by']);

/** The past participle of a regular verb (`approve` → approved, `modify` → modified, `submit` → submitted). */
export function pastParticiple(verb: string): string {
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  // One stressed syllable ending consonant-vowel-consonant doubles it (submit, stop): the short verbs records use.
  if (/^(submit|stop|plan|ship|tag|flag|drop)$/.test(verb)) return `${verb}${verb.slice(-1)}ed`;
  return `${verb}ed`;
}

/**
 * Rewrites a name's terms so every way of naming a person's role reads alike. `roleOf` turns "X by" into its term
 * (a concept when the phrase is known).
 */
export function readRoles(terms: string[], roleOf: (phrase: string) => string): string[] {
  if (!terms.some((term) => Object.hasOwn(AGENT_NOUNS, term) || ROLE_VERBS.has(term) || isRole(term))) return terms;
  const out: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    const next = terms[i + 1];
    const verb = Object.hasOwn(AGENT_NOUNS, term) ? AGENT_NOUNS[term] : undefined;
    if (verb) out.push(roleOf(`${pastParticiple(verb)} by`));
    else if (ROLE_VERBS.has(term) && next !== undefined && PERSON_NOUNS.has(next)) {
      out.push(roleOf(`${pastParticiple(term)} by`));
      i++;
    } else out.push(term);
    // `created_by_resource_id`: the role is enough, the person noun after it says nothing more.
    if (isRole(out[out.length - 1]!) && terms[i + 1] !== undefined && PERSON_NOUNS.has(terms[i + 1]!) && terms[i + 1] !== out[out.length - 1]) i++;
  }
  return [...new Set(out)];
}

/** Person nouns that name no role: any person (`user_id`, `resourceID`). */
const ANY_PERSON = new Set(['user', 'person', 'member', 'resource']);

/** A name holding a person noun and no role (`user_id`): any person, who may hold some role. */
export const anyPerson = (terms: readonly { term: string }[], roles: readonly number[]): boolean => roles.length === 0 && terms.some((term) => ANY_PERSON.has(term.term));
