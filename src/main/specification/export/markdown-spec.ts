// The whole spec as one Markdown document: headings per layer, tables for rows.
import { sideLabel, type SpecDocument, type SpecFlow } from '../spec-document';

/** Text safe inside a table cell or a line: no raw HTML, no table breaks, no line breaks. */
export function inline(value: string | number | null | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/\r?\n/g, '<br>');
}

/** A line that would open a block (heading, list, quote, fence, rule or heading underline) starts with it escaped. */
const asParagraphLine = (line: string) => line.replace(/^(\s*)(?:([#>+=~-])|(\d+)([.)]))/, (_, space: string, mark?: string, number?: string, dot?: string) => `${space}${mark ? `\\${mark}` : `${number}\\${dot}`}`);

/** A paragraph: raw HTML neutralised, line breaks kept, no line read as the start of another block. */
const paragraph = (value: string) => (value.trim() ? inline(value).split('<br>').map(asParagraphLine).join('  \n') : '_Not written yet._');

function table(headers: string[], rows: Array<Array<string | number | null | undefined>>): string {
  if (rows.length === 0) return '_None._\n';
  const line = (cells: Array<string | number | null | undefined>) => `| ${cells.map(inline).join(' | ')} |`;
  return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n') + '\n';
}

const words = (value: string) => value.replace(/_/g, ' ');

function flowSection(flow: SpecFlow, document: SpecDocument): string {
  const useCase = document.useCases.find((candidate) => candidate.ref === flow.useCase);
  const parts = [
    `### ${inline(flow.ref)} ${inline(flow.name)}`,
    '',
    `- **Direction:** ${inline(sideLabel(flow.source))} → ${inline(sideLabel(flow.target))}`,
    `- **Use case:** ${useCase ? inline(`${useCase.ref} ${useCase.title}`) : '—'}`,
    `- **Trigger:** ${inline(words(flow.trigger.kind))}${flow.trigger.detail ? `: ${inline(flow.trigger.detail)}` : ''}`,
    ...(flow.endpoints?.sourceOperation ? [`- **Reads with:** ${inline(flow.endpoints.sourceOperation)}`] : []),
    ...(flow.endpoints?.targetOperation || flow.endpoints?.writeMode
      ? [`- **Writes with:** ${inline(flow.endpoints.targetOperation ?? '—')}${flow.endpoints.writeMode ? ` (${flow.endpoints.writeMode}${flow.endpoints.matchKey ? ` matched on ${inline(flow.endpoints.matchKey)}` : ''})` : ''}`]
      : []),
    `- **Completeness:** ${flow.completeness}% · ${flow.checks.filter((check) => check.severity === 'error').length} error(s), ${flow.checks.filter((check) => check.severity === 'warning').length} warning(s)`,
    '',
    '#### Outcomes',
    '',
    table(['Outcome', 'When', 'Then'], flow.outcomes.map((outcome) => [outcome.kind, outcome.condition, outcome.handling])),
    ...(flow.pairings?.length
      ? [
          '#### Array pairings',
          '',
          table(
            ['Pair ID', 'Target array', 'Source', 'Discriminator', 'Filter', 'Element rows', 'Notes'],
            flow.pairings.map((pairing) => [
              pairing.pairId + (pairing.parent ? ` (in ${pairing.parent})` : ''),
              pairing.targetPath,
              `${pairing.sourcePath} (${pairing.sourcePath.endsWith('[]') ? 'each element' : 'one element'})`,
              pairing.discriminator ? `${pairing.discriminator.path} = "${pairing.discriminator.value}"` : '',
              pairing.filter,
              pairing.mappings.join(', '),
              pairing.notes,
            ]),
          ),
        ]
      : []),
    '#### Field mappings',
    '',
    table(
      ['Map ID', 'Target field', 'Type', 'Req.', 'Source field(s)', 'Mapping', 'Transformation', 'Default', 'Value map', 'Status', 'Notes'],
      flow.mappings.map((row) => [
        row.mapId + (row.pairing ? ` (${row.pairing})` : ''),
        row.targetPath + (row.condition ? ` (when ${row.condition})` : ''),
        row.targetType + (row.targetFormat ? ` (${row.targetFormat})` : ''),
        row.targetRequired ? 'yes' : '',
        row.sourcePaths.join(' + '),
        words(row.mappingType),
        row.transformation,
        row.defaultValue ?? '',
        row.valueMap.map((entry) => `${entry.source} → ${entry.target}`).join('; '),
        words(row.status),
        [row.notes, ...row.questions].filter(Boolean).join(' · '),
      ]),
    ),
  ];
  if (flow.checks.length) {
    parts.push('#### Checks', '', ...flow.checks.map((check) => `- **${check.severity}** ${check.mapId ? `${inline(check.mapId)} ` : ''}${inline(check.message)}`), '');
  }
  return parts.join('\n');
}

export function markdownSpec(document: SpecDocument): string {
  const { integration } = document;
  const requirements = (group: 'functional' | 'non_functional') =>
    table(
      ['Question', 'Answer', 'State'],
      document.requirements
        .filter((requirement) => requirement.group === group)
        .map((requirement) => [
          requirement.question,
          requirement.answer,
          requirement.confirmed ? 'confirmed' : requirement.inferred ? `inferred from ${requirement.evidence.join('; ')}` : requirement.answer ? 'answered' : 'open',
        ]),
    );
  return [
    `# ${inline(integration.name)}`,
    '',
    `Integration specification, version ${inline(integration.specVersion)} · status ${inline(words(integration.status))}${integration.author ? ` · author ${inline(integration.author)}` : ''} · generated ${document.generatedAt.slice(0, 10)} by Crosswalk`,
    '',
    '## Business case',
    '',
    paragraph(integration.businessCase),
    '',
    '## Systems',
    '',
    table(
      ['System', 'API', 'Version', 'OpenAPI', 'Auth', 'Servers'],
      document.systems.map((system) => [
        system.name,
        system.title,
        system.apiVersion,
        system.openapiVersion,
        system.auth.map((scheme) => scheme.detail).join('; '),
        system.servers.map((server) => `${server.url} (${server.environment})`).join('; '),
      ]),
    ),
    '## Requirements',
    '',
    requirements('functional'),
    '### Non-functional',
    '',
    requirements('non_functional'),
    '## Use cases',
    '',
    table(
      ['Ref', 'Use case', 'Story', 'Flows', 'Scope'],
      document.useCases.map((useCase) => [useCase.ref, useCase.title, useCase.story, useCase.flows.join(', '), useCase.descoped ? 'descoped' : 'in scope']),
    ),
    '## Data flows',
    '',
    ...document.flows.map((flow) => flowSection(flow, document)),
    '## Configurable inputs',
    '',
    table(
      ['Ref', 'Input', 'Kind', 'System', 'Required', 'Default', 'Description'],
      document.inputs.map((input) => [input.ref, input.name, words(input.kind), input.system ?? '', input.required ? 'yes' : 'no', input.defaultValue, input.description]),
    ),
    '## Test cases',
    '',
    table(
      ['Ref', 'Test', 'Use case', 'Given', 'Expected', 'Covers', 'Status'],
      document.testCases.map((test) => [test.ref, test.title, test.useCase ?? '', test.givenInput, test.expectedResult, test.covers.join(', '), words(test.status)]),
    ),
    '## Open questions and corner cases',
    '',
    table(
      ['Ref', 'Kind', 'Question', 'About', 'Owner', 'Status', 'Answer'],
      document.questions.map((question) => [question.ref, words(question.kind), question.question, question.mapId ?? question.flow ?? '', question.owner, question.status, question.answer]),
    ),
    '## Endpoints used',
    '',
    table(
      ['System', 'Method', 'Path', 'Operation', 'Used by'],
      document.endpoints.map((endpoint) => [endpoint.system, endpoint.method, endpoint.path, endpoint.operationId || endpoint.summary, endpoint.usedBy.map((use) => `${use.flow} ${use.role}`).join('; ')]),
    ),
    '## Change log',
    '',
    table(['Date', 'Version', 'Author', 'Change'], document.changeLog.map((change) => [change.at.slice(0, 10), change.version, change.author, change.summary])),
    '## Sign-off',
    '',
    table(['Role', 'Name', 'Date', 'Note'], document.signOff.map((entry) => [entry.role, entry.name, entry.date, entry.note])),
  ].join('\n');
}
