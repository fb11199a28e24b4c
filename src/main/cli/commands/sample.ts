// `crosswalk sample <workspace> <system>/<request> --entity NAME [--pages N] [--env NAME] [--var k=v]...`:
// sends a saved request as `crosswalk send` does and saves the response as a sample of the entity (its
// history entry is the provenance); with --pages N it follows the API's paging through the same send
// path for up to N pages, a sample per page. Prints what it saved and how many contract findings.
import type { CatalogueEntity } from '../../../shared/catalogue';
import { UserError } from '../../errors';
import { SystemImports } from '../../openapi/system-import';
import type { Services } from '../../platform/services';
import { sandboxOf } from '../../sandbox/sandbox';
import { sampleAndSave } from '../../sandbox/samples/sample-and-save';
import { MAX_SAMPLE_RECORDS } from '../../sandbox/samples/sample-records';
import { saveSample } from '../../sandbox/samples/samples';
import { sendPaging } from '../../sandbox/samples/send-pages';
import { send } from '../../sandbox/send/send';
import { appDataDir } from '../../settings/settings';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';
import { cliSendDeps, environmentOf, parseVariables, targetRequest, withWorkspace } from './sandbox';

const MAX_PAGES = 200;

export async function sampleCommand([file, target, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!file || !target || extra.length > 0) throw new UsageError('sample takes two arguments: the workspace file and <system>/<request>.');
  if (!flags.entity) throw new UsageError('sample needs --entity NAME: the catalogue entity the response is a sample of (e.g. --entity Customer).');
  const pages = parsePages(flags.pages);
  const variables = parseVariables(flags.vars ?? []);
  return withWorkspace(file, async (workspace) => {
    const sandbox = sandboxOf(workspace, services, appDataDir());
    const { system, request } = targetRequest(workspace, sandbox.store, file, target);
    const environmentId = environmentOf(sandbox.store, system, flags.env);
    const systems = new SystemImports(services);
    const entity = entityNamed((await systems.catalogue(workspace, system.id)).entities, flags.entity!, system.name);
    const context = { workspace, systems, redactor: services.redactor, bodies: sandbox.cache };
    const deps = cliSendDeps(sandbox, services, io);
    const operation = request.origin?.operation;

    if (pages === undefined) {
      const outcome = await send(deps, { request: { requestId: request.id }, environmentId, variables, confirmProduction: false });
      if (outcome.outcome !== 'response') {
        const why = outcome.outcome === 'failed' ? outcome.failure.message : outcome.outcome === 'unresolved' ? `these values are missing: ${outcome.unresolved.join(', ')} (--var name=…)` : outcome.message;
        io.err(`crosswalk: nothing was saved: ${why}`);
        return 1;
      }
      const saved = await saveSample(context, { systemId: system.id, entity: entity.id, operation, direction: 'response', source: { kind: 'history', historyId: outcome.result.historyId } });
      io.out(`Saved sample ${saved.id} of ${entity.name} (${system.name}, ${saved.operation}, ${saved.status}, history entry ${outcome.result.historyId}).`);
      printFindings(saved.findings.length, saved.findings.map((finding) => finding.message), file, io);
      return 0;
    }

    const paging = sendPaging(deps, { request: { requestId: request.id }, environmentId, variables });
    if (operation === undefined) throw new UserError('SAMPLE_NO_OPERATION', `${system.name}/${request.name} was not made from an operation of the document, so its paging is unknown: sample it without --pages.`);
    const environment = environmentId === null ? undefined : flags.env;
    const result = await sampleAndSave(context, {
      systemId: system.id,
      operation,
      url: paging.url,
      limit: MAX_SAMPLE_RECORDS,
      maxPages: pages,
      entity: entity.id,
      environment,
      fetchPage: paging.fetchPage,
      progress: (_done, _total, message) => io.err(message),
    });
    const stopped = { limit: `the ${MAX_SAMPLE_RECORDS}-record bound`, 'last-page': 'the last page', 'page-bound': `--pages ${pages}` }[result.stoppedBecause];
    io.out(
      `Saved ${result.samples.length} sample${result.samples.length === 1 ? '' : 's'} of ${entity.name} (${system.name}, ${operation}): ${result.records} records over ${result.pages} page${result.pages === 1 ? '' : 's'}, ${result.paging} paging, stopped at ${stopped}.`,
    );
    printFindings(result.findings, [], file, io);
    return 0;
  });
}

function printFindings(count: number, messages: string[], file: string, io: Io) {
  if (count === 0) {
    io.out('Contract findings: 0 (the responses keep to the document).');
    return;
  }
  io.out(`Contract findings: ${count} (crosswalk drift ${file} shows them per entity and field).`);
  for (const message of messages.slice(0, 20)) io.out(`  ${message}`);
}

function parsePages(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > MAX_PAGES) throw new UsageError(`--pages must be a whole number from 1 to ${MAX_PAGES}, not "${value}".`);
  return Number(value);
}

/** The entity by catalogue id (`schema:Customer`) or name, case aside. */
function entityNamed(entities: CatalogueEntity[], wanted: string, system: string): CatalogueEntity {
  const found =
    entities.find((entity) => entity.id === wanted || entity.name === wanted) ?? entities.find((entity) => entity.name.toLowerCase() === wanted.toLowerCase() || entity.id.toLowerCase() === wanted.toLowerCase());
  if (found) return found;
  const names = entities.slice(0, 8).map((entity) => `"${entity.name}"`).join(', ');
  throw new UserError('ENTITY_NOT_FOUND', `${system} has no entity named "${wanted}": its entities include ${names} (crosswalk entities lists them).`);
}
