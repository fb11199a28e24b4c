import type { Requirement } from '../../shared/contract';
import { UserError } from '../errors';
import { listFlows } from '../mapping/flows';
import type { SystemImports } from '../openapi/system-import';
import { listSystems } from '../openapi/systems';
import type { Workspace } from '../workspace/workspace';
import { inferRequirements, type InferenceInput } from './requirement-inference';

interface ChecklistItem {
  key: string;
  group: Requirement['group'];
  question: string;
}

/** The checklist: the standard requirement questions, per system where they differ by system. */
export function checklist(systemNames: string[]): ChecklistItem[] {
  const functional = (key: string, question: string): ChecklistItem => ({ key, group: 'functional', question });
  const nonFunctional = (key: string, question: string): ChecklistItem => ({ key, group: 'non_functional', question });
  return [
    functional('trigger', 'What will cause the integration to run, and how often will it run?'),
    functional('direction', 'Is it a one-way or two-way integration (or something else)?'),
    ...systemNames.map((name) => functional(`auth.${name}`, `What auth method will ${name} use, and is it per user or per system?`)),
    ...systemNames.map((name) => functional(`api.${name}`, `What API will ${name} use?`)),
    functional('data', 'What data is to be transferred (field by field), and which system wins a conflict?'),
    functional('transport', 'What transport languages (data formats) will be used?'),
    functional('protocol', 'What transfer protocols will be used?'),
    functional('transformations', 'Will any data need to be modified within the integration?'),
    nonFunctional('nfr.volume', 'What volumes are expected: records per run, per day, at peak?'),
    nonFunctional('nfr.rate_limits', 'What rate limits apply, and how does the integration stay within them?'),
    nonFunctional('nfr.paging', 'How are large result sets paged?'),
    nonFunctional('nfr.bulk', 'Are bulk or batch operations available or needed?'),
    nonFunctional('nfr.idempotency', 'How are retries kept from creating duplicates (idempotency)?'),
    nonFunctional('nfr.logging', 'What is logged, where, for how long, and who is alerted on failure?'),
  ];
}

interface StoredAnswer {
  key: string;
  answer: string;
  inferred: number;
  confirmed: number;
  evidence: string;
}

async function inferenceInput(workspace: Workspace, imports: SystemImports): Promise<InferenceInput> {
  const systems = await Promise.all(listSystems(workspace).map(async (system) => ({ name: system.name, catalogue: await imports.catalogue(workspace, system.id) })));
  const flows = listFlows(workspace).map((flow) => ({
    name: flow.name,
    source: flow.source.system,
    target: flow.target.system,
    entities: `${flow.source.system} ${flow.source.entity} → ${flow.target.system} ${flow.target.entity}`,
    rows: flow.mappings.total,
    trigger: flow.trigger,
  }));
  const mappings = workspace.read((db) => {
    const byType = Object.fromEntries(
      (db.prepare("SELECT mapping_type AS type, count(*) AS n FROM field_mapping WHERE status NOT IN ('rejected', 'not_needed') GROUP BY mapping_type").all() as { type: string; n: number }[]).map(
        (row) => [row.type, row.n],
      ),
    );
    const count = (where: string) => (db.prepare(`SELECT count(*) AS n FROM field_mapping WHERE ${where}`).get() as { n: number }).n;
    return { byType, withValueMap: count("value_map <> '[]'"), withTransformation: count("transformation <> ''") };
  });
  return { systems, flows, mappings };
}

/**
 * The checklist with its answers: the analyst's where they answered or confirmed one, otherwise
 * what the documents and flows say, marked inferred. Answers for keys no longer on the checklist
 * (a removed system) are kept in the file but not listed.
 */
export async function listRequirements(workspace: Workspace, imports: SystemImports): Promise<Requirement[]> {
  const input = await inferenceInput(workspace, imports);
  const inferred = inferRequirements(input);
  const stored = new Map(
    workspace.read((db) => db.prepare('SELECT key, answer, inferred, confirmed, evidence FROM requirement_answer').all() as StoredAnswer[]).map((row) => [row.key, row]),
  );
  return checklist(input.systems.map((system) => system.name)).map((item) => {
    const answer = stored.get(item.key);
    if (answer && (answer.confirmed || (answer.answer && !answer.inferred))) {
      return { ...item, answer: answer.answer, inferred: false, confirmed: answer.confirmed === 1, evidence: JSON.parse(answer.evidence) as string[] };
    }
    const guess = inferred.get(item.key);
    return { ...item, answer: guess?.answer ?? '', inferred: !!guess, confirmed: false, evidence: guess?.evidence ?? [] };
  });
}

/**
 * Typing an answer makes it the analyst's (confirmed). `confirmed: true` alone accepts what is shown
 * (the inferred answer with its evidence); `confirmed: false` reopens it.
 */
export async function updateRequirement(
  workspace: Workspace,
  imports: SystemImports,
  key: string,
  changes: { answer?: string; confirmed?: boolean },
): Promise<Requirement> {
  const current = (await listRequirements(workspace, imports)).find((item) => item.key === key);
  if (!current) throw new UserError('NOT_FOUND', `"${key}" is not on the requirements checklist: reload the checklist.`);
  const typed = changes.answer !== undefined && changes.answer !== current.answer;
  const answer = changes.answer ?? current.answer;
  const confirmed = changes.confirmed ?? (typed ? true : current.confirmed);
  const evidence = typed ? [] : current.evidence;
  workspace.write((db) => {
    // Whether the stored answer is the documents' (then reopening it shows the documents' current answer).
    const stored = db.prepare('SELECT inferred FROM requirement_answer WHERE key = ?').get(key) as { inferred: number } | undefined;
    const fromDocuments = !typed && (current.inferred || stored?.inferred === 1);
    db
      .prepare(
        `INSERT INTO requirement_answer (key, answer, inferred, confirmed, evidence, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET answer = excluded.answer, inferred = excluded.inferred, confirmed = excluded.confirmed,
           evidence = excluded.evidence, updated_at = excluded.updated_at`,
      )
      .run(key, answer, fromDocuments ? 1 : 0, confirmed ? 1 : 0, JSON.stringify(evidence), new Date().toISOString());
  });
  return (await listRequirements(workspace, imports)).find((item) => item.key === key)!;
}
