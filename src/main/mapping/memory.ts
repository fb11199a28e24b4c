// The mapping memory: pairs analysts accepted or rejected, kept in Crosswalk's settings folder as well as in
// their workspace, so what was taught in one integration helps the next (as evidence, see
// suggest/memory-evidence.ts). One versioned JSON file, rewritten atomically, newest MEMORY_KEPT pairs kept;
// listed, erased (all or one), exported, and imported from a file a team shares (merged, never replacing).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { MemoryEntry } from '../../shared/contract';
import { UserError } from '../errors';
import { appDataDir } from '../settings/settings';
import { lastName } from './suggest/prepare';
import { splitWords } from './suggest/tokens';
import type { LearnedDecisions } from './suggest';

export const MEMORY_FORMAT = 'crosswalk-mapping-memory';
export const MEMORY_VERSION = 1;
/** Pairs kept, newest first: about 300 bytes each, so the file stays well under 1 MB. */
export const MEMORY_KEPT = 2000;

export const memoryFile = (dir: string = appDataDir()) => path.join(dir, 'mapping-memory.json');

const text = z.string().min(1).max(2000);
const words = z.array(z.string().max(200)).max(50);
const StoredEntry = z.strictObject({
  decision: z.enum(['accepted', 'rejected']),
  source: text,
  target: text,
  sourceEntity: text,
  targetEntity: text,
  /** The words that differ on each side (`zip` → `postal code`): what the pair teaches elsewhere. */
  pattern: z.strictObject({ source: words, target: words }),
  /** The workspace it was decided in (its workspace_identity id): not evidence there, where it is learned already. */
  workspace: z.string().max(200),
  decidedAt: z.string().max(100),
});
type StoredEntry = z.infer<typeof StoredEntry>;
const StoredFile = z.strictObject({ format: z.literal(MEMORY_FORMAT), version: z.literal(MEMORY_VERSION), entries: z.array(StoredEntry) });

export type NewMemoryEntry = Omit<StoredEntry, 'pattern' | 'decidedAt'> & { decidedAt?: string };
export type MemoryChange = { record: NewMemoryEntry } | { forget: Omit<NewMemoryEntry, 'decidedAt'> };

const keyOf = (entry: Pick<StoredEntry, 'workspace' | 'sourceEntity' | 'source' | 'targetEntity' | 'target'>) =>
  [entry.workspace, entry.sourceEntity, entry.source, entry.targetEntity, entry.target].join('\u0000');
const idOf = (entry: StoredEntry) => createHash('sha256').update(`${keyOf(entry)}\u0000${entry.decision}`).digest('hex').slice(0, 16);

function patternOf(source: string, target: string): StoredEntry['pattern'] {
  const sWords = splitWords(lastName(source));
  const tWords = splitWords(lastName(target));
  return { source: sWords.filter((w) => !tWords.includes(w)), target: tWords.filter((w) => !sWords.includes(w)) };
}

/** Newest first, one per pair and workspace, at most MEMORY_KEPT. */
function merged(...lists: StoredEntry[][]): StoredEntry[] {
  const byKey = new Map<string, StoredEntry>();
  for (const entry of lists.flat()) {
    const held = byKey.get(keyOf(entry));
    if (!held || held.decidedAt < entry.decidedAt) byKey.set(keyOf(entry), entry);
  }
  return [...byKey.values()].sort((a, b) => (a.decidedAt < b.decidedAt ? 1 : a.decidedAt > b.decidedAt ? -1 : 0)).slice(0, MEMORY_KEPT);
}

function parse(textOf: string, where: string): StoredEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(textOf);
  } catch (error) {
    throw new UserError('BAD_MEMORY_FILE', `${where} is not JSON (${(error as Error).message}): choose a file exported by "crosswalk memory export".`);
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== MEMORY_FORMAT) throw new UserError('BAD_MEMORY_FILE', `${where} is not a Crosswalk mapping memory (its "format" is ${JSON.stringify(format ?? null)}, not "${MEMORY_FORMAT}").`);
  const version = (json as { version?: unknown }).version;
  if (version !== MEMORY_VERSION) throw new UserError('BAD_MEMORY_FILE', `${where} is mapping memory version ${JSON.stringify(version ?? null)}; this Crosswalk reads version ${MEMORY_VERSION}: export it again from the same version.`);
  const result = StoredFile.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UserError('BAD_MEMORY_FILE', `${where} has a bad entry at ${issue.path.join('.') || 'the top'}: ${issue.message}. Nothing was changed.`);
  }
  return result.data.entries;
}

const toListed = (entry: StoredEntry): MemoryEntry => ({ id: idOf(entry), ...entry });

export class MappingMemory {
  private cache: { stamp: string; entries: StoredEntry[] } | undefined;

  constructor(readonly file: string = memoryFile()) {}

  /** Every remembered pair, newest first. A damaged file is an error here (and is never overwritten). */
  list(): MemoryEntry[] {
    return this.read().map(toListed);
  }

  /** The other workspaces' pairs, as the engine reads them; none when the file is missing or damaged. */
  evidenceFor(workspaceId: string): NonNullable<LearnedDecisions['memory']> {
    let entries: StoredEntry[];
    try {
      entries = this.read();
    } catch {
      entries = [];
    }
    const others = entries.filter((entry) => entry.workspace !== workspaceId);
    const pairs = (decision: StoredEntry['decision']) => others.filter((entry) => entry.decision === decision).map(({ source, target }) => ({ source, target }));
    return { accepted: pairs('accepted'), rejected: pairs('rejected') };
  }

  record(entries: NewMemoryEntry[]): void {
    if (entries.length > 0) this.apply(entries.map((record) => ({ record })));
  }

  /** Drops a workspace's pair with this decision (an undone or forgotten decision). */
  forget(entry: Omit<NewMemoryEntry, 'decidedAt'>): void {
    this.apply([{ forget: entry }]);
  }

  /** Records and forgets in order, with one read and one write. */
  apply(changes: MemoryChange[]): void {
    const at = new Date().toISOString();
    const byKey = new Map(this.read().map((entry) => [keyOf(entry), entry]));
    let changed = false;
    for (const change of changes) {
      if ('record' in change) {
        const { record } = change;
        byKey.delete(keyOf(record));
        byKey.set(keyOf(record), { ...record, decidedAt: record.decidedAt ?? at, pattern: patternOf(record.source, record.target) });
        changed = true;
      } else if (byKey.get(keyOf(change.forget))?.decision === change.forget.decision) {
        byKey.delete(keyOf(change.forget));
        changed = true;
      }
    }
    if (changed) this.write(merged([...byKey.values()]));
  }

  /** Erases one pair (by its id from list) or, without an id, all of them; returns how many. */
  erase(id?: string): number {
    const entries = this.read();
    if (id === undefined) {
      if (entries.length > 0) this.write([]);
      return entries.length;
    }
    const kept = entries.filter((entry) => idOf(entry) !== id);
    if (kept.length === entries.length) throw new UserError('MEMORY_ENTRY_NOT_FOUND', `The mapping memory has no pair ${id} (it may be erased already): list it again.`);
    this.write(kept);
    return 1;
  }

  /** The whole memory as a file's text. */
  exportText(): string {
    return JSON.stringify({ format: MEMORY_FORMAT, version: MEMORY_VERSION, entries: this.read() }, null, 2);
  }

  /** Merges a shared file's pairs in (the newer decision on the same pair wins); a bad file changes nothing. */
  importText(textOf: string, where = 'The file'): { added: number; total: number } {
    const incoming = parse(textOf, where);
    const before = this.read();
    const after = merged(before, incoming);
    const known = new Set(before.map(idOf));
    this.write(after);
    return { added: after.filter((entry) => !known.has(idOf(entry))).length, total: after.length };
  }

  private read(): StoredEntry[] {
    if (queued.has(this.file)) settleMemoryWrites();
    let stat: fs.Stats;
    try {
      stat = fs.statSync(this.file);
    } catch {
      return [];
    }
    const stamp = `${stat.mtimeMs}:${stat.size}`;
    if (this.cache?.stamp === stamp) return this.cache.entries;
    const entries = parse(fs.readFileSync(this.file, 'utf8'), `The mapping memory ${this.file}`);
    this.cache = { stamp, entries };
    return entries;
  }

  private write(entries: StoredEntry[]): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify({ format: MEMORY_FORMAT, version: MEMORY_VERSION, entries }, null, 2));
    fs.renameSync(temp, this.file);
    this.cache = undefined;
  }
}

const memories = new Map<string, MappingMemory>();
/** One MappingMemory per file, so its parsed entries are shared by every reader. */
export function memoryAt(file: string = memoryFile()): MappingMemory {
  let memory = memories.get(file);
  if (!memory) memories.set(file, (memory = new MappingMemory(file)));
  return memory;
}

const queued = new Map<string, MemoryChange[]>();

/**
 * Queues a change for the memory file of the current settings folder, written after the current turn: a bulk
 * accept inside one transaction writes the file once. Best effort: the workspace holds the decision either
 * way, so a memory file that cannot be written (or is damaged, and so kept as it is) does not fail the accept.
 */
export function rememberLater(change: MemoryChange): void {
  const file = memoryFile();
  if (queued.size === 0) setImmediate(settleMemoryWrites);
  let changes = queued.get(file);
  if (!changes) queued.set(file, (changes = []));
  changes.push(change);
}

/** Writes what rememberLater queued, now. */
export function settleMemoryWrites(): void {
  const batches = [...queued];
  queued.clear();
  for (const [file, changes] of batches) {
    try {
      memoryAt(file).apply(changes);
    } catch {
      // Kept out of the file, see rememberLater.
    }
  }
}
