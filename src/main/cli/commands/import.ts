import { openapiVersionLabel, type Catalogue } from '../../../shared/catalogue';
import { UserError } from '../../errors';
import { type ExternalReference, type ImportedApiDocument, type ValidationResult, importApiDocument } from '../../openapi/import';
import { defaultRedactor } from '../../platform/redact';
import type { Services } from '../../platform/services';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

/** `crosswalk import <api-doc> [--json] [--allow-refs]`: imports an API document (path or URL) and reports what it holds. */
export async function importCommand([apiDoc, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!apiDoc || extra.length > 0) throw new UsageError('import takes one argument: the API document (a file path or an http(s) URL).');
  const { summary, pending } = await importAndSummarize(apiDoc, flags, io, services);
  const validation = await pending;
  if (flags.json) {
    io.out(
      JSON.stringify({
        ...summary.json,
        validation: { valid: validation.valid, errors: validation.errors.map(({ message, path }) => ({ message, path })) },
      }),
    );
    return 0;
  }
  for (const line of summary.lines) io.out(line);
  io.out('');
  for (const line of validationLines(validation)) io.out(line);
  return 0;
}

/**
 * Imports and keeps only the summary and the validation promise, so that the document and the
 * catalogue can be collected while validation finishes in its worker.
 */
async function importAndSummarize(apiDoc: string, flags: Flags, io: Io, services: Services): Promise<{ summary: ReturnType<typeof summarize>; pending: Promise<ValidationResult> }> {
  const result = await importApiDocument(apiDoc, { http: services.http, workers: services.workers, allowAll: flags.allowRefs ?? false });
  if (result.status === 'needs-consent') {
    throw new UserError(
      'API_DOC_REFS_NOT_ALLOWED',
      `${defaultRedactor.text(apiDoc)} refers to documents outside its folder or on another server, which were not read: ${result.refs.map(describeRef).join('; ')}; run again with --allow-refs to follow them.`,
    );
  }
  if (result.followedRefs.length > 0) {
    io.err(`crosswalk: followed ${result.followedRefs.length} reference(s) outside the document's folder or server (--allow-refs): ${result.followedRefs.map(describeRef).join('; ')}`);
  }
  if (result.removedCredentials.length > 0) io.err(removedCredentialsNotice(result.removedCredentials));
  return { summary: summarize(result), pending: result.validation };
}

/** Tells the analyst the document held credentials, and what replaced them. */
export function removedCredentialsNotice(placeholders: string[]): string {
  return (
    `crosswalk: the document contained credentials in its addresses; Crosswalk keeps and shows it with them replaced by ` +
    `${placeholders.map((name) => `{{${name}}}`).join(', ')}: store the values as secrets of those names where a request needs them.`
  );
}

const describeRef = (ref: ExternalReference) => `"${ref.ref}" at ${ref.from} (${ref.kind === 'remote' ? 'on another server' : 'outside the folder'}: ${ref.target})`;

/** Number of catalogue fields over the named schemas (entities of kind "schema"); inline bodies are not counted. */
export function countSchemaFields(catalogue: Catalogue): number {
  let fields = 0;
  for (const entity of catalogue.entities) if (entity.kind === 'schema') fields += entity.fields.length;
  return fields;
}

function summarize(result: ImportedApiDocument) {
  const { catalogue } = result;
  const schemas = catalogue.entities.filter((entity) => entity.kind === 'schema').length;
  const bodies = catalogue.entities.length - schemas;
  const fields = countSchemaFields(catalogue);
  const json = {
    title: result.title,
    version: result.version,
    // specVersion is kept beside openapiVersion: this JSON is a contract.
    specVersion: result.openapiVersion,
    openapiVersion: result.openapiVersion,
    entities: catalogue.entities.length,
    fields,
    operations: catalogue.operations.length,
    securitySchemes: catalogue.securitySchemes.map((scheme) => ({ name: scheme.name, type: scheme.type })),
    servers: catalogue.servers.map((server) => ({ url: server.url, description: server.description ?? null, environment: server.environment })),
    // Only when there were any: this JSON is a contract, unchanged for documents without credentials.
    ...(result.removedCredentials.length > 0 ? { removedCredentials: result.removedCredentials } : {}),
  };
  const label = openapiVersionLabel(result.openapiVersion);
  const lines = [
    `${result.title || '(untitled API)'} ${result.version}`.trimEnd() + `  [${label}, ${result.format.toUpperCase()}]`,
    `${result.source.location}${result.files.length > 0 ? ` (+ ${result.files.length} referenced file${result.files.length === 1 ? '' : 's'})` : ''}`,
    '',
    `Entities (${catalogue.entities.length}): ${schemas} named schema${schemas === 1 ? '' : 's'} with ${fields} field${fields === 1 ? '' : 's'}, ${bodies} inline bod${bodies === 1 ? 'y' : 'ies'}`,
    `Operations (${catalogue.operations.length})`,
    `Security schemes (${catalogue.securitySchemes.length})`,
    ...catalogue.securitySchemes.map((scheme) => `  ${scheme.name}   ${scheme.type}`),
    `Servers (${catalogue.servers.length})`,
    ...catalogue.servers.map((server) => `  ${server.url}   ${server.environment}${server.description ? `   ${server.description}` : ''}`),
  ];
  if (catalogue.warnings.length > 0) lines.push(`Catalogue warnings (${catalogue.warnings.length})`, ...catalogue.warnings.slice(0, 10).map((warning) => `  ${warning}`));
  return { json, lines };
}

function validationLines(validation: ValidationResult): string[] {
  if (validation.incomplete) return [`Validation did not finish: ${validation.incomplete}`];
  if (validation.valid) return ['Validation: the document is valid.'];
  const lines = [
    `Validation: ${validation.errorCount} problem${validation.errorCount === 1 ? '' : 's'} (the document imported anyway; fix ${validation.errorCount === 1 ? 'it' : 'them'} in the source if you can):`,
  ];
  for (const error of validation.errors) {
    const where = `${error.path || '/'}${error.line ? ` (line ${error.line}, column ${error.column})` : ''}`;
    lines.push(`  ${where}: ${error.message}`);
  }
  if (validation.errorCount > validation.errors.length) lines.push(`  … and ${validation.errorCount - validation.errors.length} more`);
  return lines;
}
