// The spec as an executable reference transformation: `preview` runs a flow on one payload file,
// `test` runs the test cases that hold payloads, `map` turns JSON (one document or JSON Lines) on
// standard input into target payloads on standard output.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../errors';
import { parsePayload } from '../../mapping/expressions/payload-source';
import { evaluateFlow, prepareFlow, previewFlow } from '../../mapping/expressions/preview';
import { findFlow, runTestCases } from '../../mapping/expressions/test-runs';
import { SystemImports } from '../../openapi/system-import';
import type { Services } from '../../platform/services';
import { openWorkspace } from '../../workspace/workspace';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

/** `crosswalk preview <workspace> <flow> <payload.json> [--json]`: exits 1 when the target payload has problems. */
export async function previewCommand([file, flowName, payloadFile, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!file || !flowName || !payloadFile || extra.length > 0) throw new UsageError('preview takes three arguments: the workspace file, the flow and the payload file.');
  const payloadPath = path.resolve(payloadFile);
  if (!fs.existsSync(payloadPath)) throw new UserError('FILE_NOT_FOUND', `The payload file ${payloadPath} does not exist.`);
  const payload = parsePayload(fs.readFileSync(payloadPath, 'utf8'), payloadPath);
  const workspace = await openWorkspace(file, { access: 'read' });
  try {
    const result = await previewFlow(workspace, new SystemImports(services), findFlow(workspace, flowName), payload, { workers: services.workers });
    const problems = result.problems.map((problem) => ({ row: problem.mapId, path: problem.path, message: problem.message }));
    if (flags.json) io.out(JSON.stringify({ target: result.target, problems }));
    else {
      io.out(JSON.stringify(result.target, null, 2));
      io.out(problems.length === 0 ? 'No problems.' : `${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
      for (const problem of problems) io.out(`  ${(problem.row ?? '-').padEnd(6)}  ${problem.message}`);
    }
    return problems.length > 0 ? 1 : 0;
  } finally {
    workspace.close();
  }
}

/** `crosswalk test <workspace> [--flow NAME] [--json] [--record]`: exits 1 when a test case fails; writes only with --record. */
export async function testCommand([file, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!file || extra.length > 0) throw new UsageError('test takes one argument: the workspace file (choose a flow with --flow NAME).');
  const workspace = await openWorkspace(file, { access: flags.record ? 'write' : 'read' });
  try {
    const flowId = flags.flow === undefined ? undefined : findFlow(workspace, flags.flow);
    const results = await runTestCases(workspace, new SystemImports(services), { flowId, record: flags.record, workers: services.workers });
    const failed = results.filter((result) => result.status === 'failed').length;
    if (flags.json) io.out(JSON.stringify(results.map(({ ref, title, flow, status, summary, differences, failures }) => ({ ref, title, flow, status, summary, differences, failures }))));
    else {
      if (results.length === 0) io.out('No test case holds a payload to run: make one from a preview or a sample.');
      for (const result of results) io.out(`${result.status === 'passed' ? 'pass' : 'FAIL'}  ${result.ref}  ${result.flow}: ${result.title}${result.summary ? `\n      ${result.summary}` : ''}`);
      if (results.length > 0) io.out(`${results.length - failed} passed, ${failed} failed${flags.record ? ' (recorded)' : ''}.`);
    }
    return failed > 0 ? 1 : 0;
  } finally {
    workspace.close();
  }
}

/** Payloads per worker job in `map` (each with its own 1 s bound). */
const BATCH = 500;

/** Reads standard input as one JSON document, or else as JSON Lines (one document per non-empty line). */
export function readPayloads(text: string): { payloads: unknown[]; lines: boolean } {
  const trimmed = text.trim();
  if (trimmed === '') throw new UserError('NO_INPUT', 'map reads JSON payloads on standard input, and none came: pipe a JSON document or JSON Lines into it.');
  try {
    return { payloads: [JSON.parse(trimmed) as unknown], lines: false };
  } catch {
    const payloads = trimmed.split('\n').flatMap((line, index) => (line.trim() === '' ? [] : [parsePayload(line, `Line ${index + 1} of standard input`)]));
    return { payloads, lines: true };
  }
}

/** `crosswalk map <workspace> <flow>`: JSON in (one document or JSON Lines), target payloads out the same way. */
export async function mapCommand([file, flowName, ...extra]: string[], _flags: Flags, io: Io, services: Services, input: () => string = () => fs.readFileSync(0, 'utf8')): Promise<number> {
  if (!file || !flowName || extra.length > 0) throw new UsageError('map takes two arguments: the workspace file and the flow; payloads come on standard input.');
  const workspace = await openWorkspace(file, { access: 'read' });
  try {
    const prepared = await prepareFlow(workspace, new SystemImports(services), findFlow(workspace, flowName));
    const { payloads, lines } = readPayloads(input());
    let failures = 0;
    for (let start = 0; start < payloads.length; start += BATCH) {
      const evaluated = await evaluateFlow(prepared, payloads.slice(start, start + BATCH), { workers: services.workers });
      const out: string[] = [];
      evaluated.forEach((result, index) => {
        out.push(JSON.stringify(result.target ?? {}, null, lines ? undefined : 2));
        for (const failure of result.failures) {
          failures++;
          const row = prepared.rows.find((each) => each.id === failure.rowId);
          io.err(`${lines ? `line ${start + index + 1}: ` : ''}${row?.mapId ?? 'a row'} (${row?.targetPath ?? ''}): ${failure.message}`);
        }
      });
      io.out(out.join('\n'));
    }
    return failures > 0 ? 1 : 0;
  } finally {
    workspace.close();
  }
}
