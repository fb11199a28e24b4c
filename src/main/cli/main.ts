import { parseArgs } from 'node:util';
import { isUserError } from '../errors';
import { APP_VERSION } from '../version';
import { defaultRedactor } from '../platform/redact';
import { createServices } from '../platform/services';
import { appDataDir } from '../settings/settings';
import type { Command, Io } from './io';
import { USAGE, UsageError } from './usage';

const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** `export` takes a file after --json, where every other command takes --json alone. */
const exportOptions = {
  xlsx: { type: 'string' },
  json: { type: 'string' },
  md: { type: 'string' },
} as const;

// Loaded on demand (require: tsx runs this file as CommonJS, where import() would need file extensions):
// each command pulls in only the modules it needs.
const commands: Record<string, () => Command> = {
  'add-flow': () => (require('./commands/add-flow') as typeof import('./commands/add-flow')).addFlowCommand,
  'add-system': () => (require('./commands/add-system') as typeof import('./commands/add-system')).addSystemCommand,
  check: () => (require('./commands/check') as typeof import('./commands/check')).checkCommand,
  demo: () => (require('./commands/demo') as typeof import('./commands/demo')).demoCommand,
  diff: () => (require('./commands/diff') as typeof import('./commands/diff')).diffCommand,
  drift: () => (require('./commands/drift') as typeof import('./commands/drift')).driftCommand,
  export: () => (require('./commands/export') as typeof import('./commands/export')).exportCommand,
  entities: () => (require('./commands/entities') as typeof import('./commands/entities')).entitiesCommand,
  import: () => (require('./commands/import') as typeof import('./commands/import')).importCommand,
  sample: () => (require('./commands/sample') as typeof import('./commands/sample')).sampleCommand,
  requests: () => (require('./commands/sandbox') as typeof import('./commands/sandbox')).requestsCommand,
  secret: () => (require('./commands/sandbox') as typeof import('./commands/sandbox')).secretCommand,
  send: () => (require('./commands/sandbox') as typeof import('./commands/sandbox')).sendCommand,
  'import-collection': () => (require('./commands/collections') as typeof import('./commands/collections')).importCollectionCommand,
  'export-collection': () => (require('./commands/collections') as typeof import('./commands/collections')).exportCollectionCommand,
  'import-xlsx': () => (require('./commands/import-xlsx') as typeof import('./commands/import-xlsx')).importXlsxCommand,
  info: () => (require('./commands/info') as typeof import('./commands/info')).infoCommand,
  memory: () => (require('./commands/memory') as typeof import('./commands/memory')).memoryCommand,
  mock: () => (require('./commands/mock') as typeof import('./commands/mock')).mockCommand,
  serve: () => (require('./commands/serve') as typeof import('./commands/serve')).serveCommand,
  preview: () => (require('./commands/run-mapping') as typeof import('./commands/run-mapping')).previewCommand,
  test: () => (require('./commands/run-mapping') as typeof import('./commands/run-mapping')).testCommand,
  map: () => (require('./commands/run-mapping') as typeof import('./commands/run-mapping')).mapCommand,
  suggest: () => (require('./commands/suggest') as typeof import('./commands/suggest')).suggestCommand,
};

/** Runs one command line; returns the exit status. Bad input never prints a stack trace. */
export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const exporting = argv.find((arg) => !arg.startsWith('-')) === 'export';
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        json: { type: 'boolean' },
        port: { type: 'string' },
        'allow-refs': { type: 'boolean' },
        'accept-above': { type: 'string' },
        apply: { type: 'boolean' },
        'take-workbook': { type: 'boolean' },
        system: { type: 'string' },
        seed: { type: 'string' },
        chaos: { type: 'string' },
        env: { type: 'string' },
        var: { type: 'string', multiple: true },
        'confirm-production': { type: 'boolean' },
        'include-secrets': { type: 'boolean' },
        flow: { type: 'string' },
        record: { type: 'boolean' },
        entity: { type: 'string' },
        pages: { type: 'string' },
        ...(exporting ? exportOptions : {}),
      },
    });
    const [name, ...rest] = positionals;
    if (values.help || name === 'help') return print(io, USAGE);
    if (values.version) return print(io, APP_VERSION);
    if (!name) throw new UsageError('No command given.');
    const load = commands[name];
    if (!load) throw new UsageError(`Unknown command "${name}".`);
    const command = load();
    return await command(
      rest,
      {
        json: values.json === true,
        port: parsePort(values.port),
        allowRefs: values['allow-refs'] ?? false,
        acceptAbove: parseThreshold(values['accept-above']),
        apply: values.apply ?? false,
        takeWorkbook: values['take-workbook'] ?? false,
        system: values.system,
        seed: values.seed,
        chaos: values.chaos,
        env: values.env,
        vars: values.var ?? [],
        confirmProduction: values['confirm-production'] ?? false,
        includeSecrets: values['include-secrets'] ?? false,
        flow: values.flow,
        record: values.record ?? false,
        entity: values.entity,
        pages: values.pages,
        outputs: exporting ? { xlsx: values.xlsx as string | undefined, json: values.json as string | undefined, md: values.md as string | undefined } : undefined,
      },
      io,
      createServices({ settingsDir: appDataDir() }),
    );
  } catch (error) {
    return report(error, io);
  }
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}".`);
  return port;
}

function parseThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const threshold = Number(value);
  if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(value.trim()) || !(threshold >= 0 && threshold <= 1)) {
    throw new UsageError(`--accept-above must be a number from 0 to 1 (e.g. 0.8), not "${value}".`);
  }
  return threshold;
}

function print(io: Io, text: string): number {
  io.out(text);
  return 0;
}

function report(error: unknown, io: Io): number {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    io.err(`crosswalk: ${(error as Error).message} Run "crosswalk --help" for usage.`);
    return 2;
  }
  // Messages may quote an address typed on the command line: shown only redacted.
  if (isUserError(error)) {
    io.err(`crosswalk: ${defaultRedactor.text(error.message)}`);
    return 1;
  }
  io.err(`crosswalk: unexpected failure: ${defaultRedactor.text((error as Error)?.message ?? String(error))} (set CROSSWALK_DEBUG=1 for details)`);
  if (process.env.CROSSWALK_DEBUG) io.err(defaultRedactor.text(String((error as Error)?.stack)));
  return 1;
}

/** Entry point of bin/crosswalk. */
export function main(): void {
  // A reader that stops early (`crosswalk entities api.yaml | head`) is not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  runCli(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    () => {
      process.exitCode = 1;
    },
  );
}
