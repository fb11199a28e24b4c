// "Sample N records" as the analyst runs it: read the records through the list operation's paging, save
// each page as a sample of the entity (checked like any sample), and profile the records.
import { UserError } from '../../errors';
import { relativeTo } from './field-path';
import { profileRecords, type RecordsProfile } from './profile';
import { recordsPath, sampleRecords, type FetchPage, type SampledRecords } from './sample-records';
import { checkResponseBodies, saveSample, type SampleContext } from './samples';

/** The profile, each field marked when the operation's documented response does not list it (closed check). */
export type ProfileWithDocumentation = Omit<RecordsProfile, 'fields'> & { fields: Array<RecordsProfile['fields'][number] & { undocumented: boolean }> };

export interface SampleAndSaveOptions {
  systemId: number;
  operation: string;
  url: string;
  limit: number;
  pageSize?: number;
  maxPages?: number;
  /** Save each page as a sample of this entity. */
  entity?: string;
  environment?: string;
  fetchPage: FetchPage;
  signal?: AbortSignal;
  progress?: (done: number, total: number, message: string) => void;
}

export async function sampleAndSave(
  context: SampleContext,
  options: SampleAndSaveOptions,
): Promise<Omit<SampledRecords, 'records'> & { records: number; profile: ProfileWithDocumentation; samples: number[]; findings: number }> {
  const catalogue = await context.systems.catalogue(context.workspace, options.systemId);
  const operation = catalogue.operations.find((candidate) => candidate.id === options.operation);
  if (!operation) throw new UserError('OPERATION_NOT_FOUND', `The system has no operation "${options.operation}": name a list operation as the catalogue does, such as "GET /customers".`);
  const pages: Array<{ url: string; status: number; contentType: string | undefined; body: unknown; historyId?: number }> = [];
  const sampled = await sampleRecords({
    url: options.url,
    operation,
    limit: options.limit,
    pageSize: options.pageSize,
    maxPages: options.maxPages,
    fetchPage: options.fetchPage,
    signal: options.signal,
    onPage: (page) => {
      pages.push({ url: page.url, status: page.response.status, contentType: page.response.headers['content-type'], body: page.response.body, historyId: page.response.historyId });
      options.progress?.(page.total, options.limit, `Page ${page.number}: ${page.total} of ${options.limit} records`);
    },
  });
  const samples: number[] = [];
  let findings = 0;
  if (options.entity !== undefined) {
    for (const page of pages) {
      options.signal?.throwIfAborted();
      const saved = await saveSample(context, {
        systemId: options.systemId,
        entity: options.entity,
        operation: operation.id,
        direction: 'response',
        // A page the send path sent is saved from its history entry: the sample keeps the request's provenance.
        source:
          page.historyId !== undefined
            ? { kind: 'history', historyId: page.historyId }
            : { kind: 'body', body: JSON.stringify(page.body), status: page.status, contentType: page.contentType, environment: options.environment, method: 'GET', url: page.url },
      });
      samples.push(saved.id);
      findings += saved.findings.length;
    }
  }
  options.signal?.throwIfAborted();
  const checked = await checkResponseBodies(
    context,
    options.systemId,
    operation,
    pages.map((page) => ({ status: page.status, contentType: page.contentType ?? null, body: page.body })),
  );
  const undocumented = new Set<string>();
  pages.forEach((page, index) => {
    const prefix = recordsPath(page.body);
    for (const finding of checked[index] ?? []) {
      const field = prefix === undefined || finding.kind !== 'undocumented-field' ? undefined : relativeTo(prefix, finding.field);
      if (field) undocumented.add(field);
    }
  });
  const profile = profileRecords(sampled.records);
  // A field the document does not list, and everything under it.
  const isUndocumented = (path: string) => [...undocumented].some((field) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[]`));
  return {
    records: sampled.records.length,
    pages: sampled.pages,
    paging: sampled.paging,
    stoppedBecause: sampled.stoppedBecause,
    profile: { ...profile, fields: profile.fields.map((field) => ({ ...field, undocumented: isUndocumented(field.path) })) },
    samples,
    findings,
  };
}
