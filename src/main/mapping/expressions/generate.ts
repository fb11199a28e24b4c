// The JSONata expression of each row of a flow: the one an analyst wrote, or one generated from the
// row's pseudocode (source, type, value map, default, condition). Rows under a target array run once per
// element of the source array paired with it (inferred from the rows' sources: the array most of its
// element rows read from), with that element as the context; a source outside it is read from the root ($$).
import type { CatalogueEntity } from '../../../shared/catalogue';
import type { ArrayPairing as StoredPairing, MappingRow, RowExpression } from '../../../shared/contract';
import { hasContent } from '../rows';
import { literalOf, parseProblem, pathOf } from '../../../shared/jsonata-text';

/** `a[].b[].c` → ['a[]', 'a[].b[]']: the array prefixes a path passes through, outermost first. */
export function arrayPrefixes(path: string): string[] {
  const prefixes: string[] = [];
  let at = path.indexOf('[]');
  while (at >= 0) {
    prefixes.push(path.slice(0, at + 2));
    at = path.indexOf('[]', at + 2);
  }
  return prefixes;
}

/** A target array and the source array whose elements become its elements. */
export interface ArrayPairing {
  target: string;
  source: string;
}

/**
 * For every target array the rows reach, the source array most of its element rows read from (at the
 * same depth, inside the outer pairing's source); a target array none of whose rows reads an array is unpaired.
 */
export function inferPairings(rows: Pick<MappingRow, 'targetPath' | 'sourcePaths' | 'status'>[]): ArrayPairing[] {
  const live = rows.filter(runs);
  const targets = [...new Set(live.flatMap((row) => arrayPrefixes(row.targetPath)))].sort((a, b) => arrayPrefixes(a).length - arrayPrefixes(b).length);
  const paired = new Map<string, string>();
  for (const target of targets) {
    const depth = arrayPrefixes(target).length;
    const outer = depth > 1 ? paired.get(arrayPrefixes(target)[depth - 2]!) : '';
    if (outer === undefined) continue;
    const votes = new Map<string, number>();
    for (const row of live) {
      if (!row.targetPath.startsWith(`${target}.`) && row.targetPath !== target) continue;
      for (const path of row.sourcePaths) {
        const source = arrayPrefixes(path)[depth - 1];
        if (source && (outer === '' || source.startsWith(`${outer}.`))) votes.set(source, (votes.get(source) ?? 0) + 1);
      }
    }
    const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best) paired.set(target, best[0]);
  }
  return [...paired.entries()].map(([target, source]) => ({ target, source }));
}

/** Rows that take part in a run: everything but rejected and not-needed rows, when something fills them. */
export const runs = (row: Pick<MappingRow, 'status'> & Partial<Pick<MappingRow, 'sourcePaths' | 'mappingType' | 'defaultValue'>>) =>
  row.status !== 'rejected' && row.status !== 'not_needed' && (row.sourcePaths === undefined || hasContent(row as Pick<MappingRow, 'sourcePaths' | 'mappingType' | 'defaultValue'>));

/** The source arrays a row runs inside (outermost first), or the target array with no pairing. */
export function contextOf(targetPath: string, pairings: Map<string, string>): { sources: string[]; unpaired?: string } {
  const sources: string[] = [];
  for (const prefix of arrayPrefixes(targetPath)) {
    const source = pairings.get(prefix);
    if (!source) return { sources, unpaired: prefix };
    sources.push(source);
  }
  return { sources };
}

/** A source path read from inside `context` (element of the innermost source array), or from the root. */
function readFrom(path: string, context: string[]): string {
  for (let i = context.length - 1; i >= 0; i--) {
    const prefix = context[i]!;
    if (path.startsWith(`${prefix}.`)) return pathOf(path.slice(prefix.length + 1));
    if (path === prefix) return '$';
  }
  return context.length > 0 ? `$$.${pathOf(path)}` : pathOf(path);
}

/** A separator quoted in the transformation ("joined with ", "") or a space. */
const separatorOf = (transformation: string) => /["“']([^"”']*)["”']/.exec(transformation)?.[1] ?? ' ';

/** The part a suggested split names ("→ given name": the first word; "→ family name": the rest), whatever the rows' order. */
function namedPart(transformation: string): { index: number; count: number } | undefined {
  if (/→ given name\b/.test(transformation)) return { index: 0, count: 2 };
  if (/→ family name\b/.test(transformation)) return { index: 1, count: 2 };
  return undefined;
}

interface Generated {
  expression: string | null;
  /** Why the generated expression may not do what the pseudocode says (a derivation in words…); '' when it does. */
  caveat: string;
}

function generateRow(row: MappingRow, context: string[], targetType: string | undefined, splitPart: { index: number; count: number }): Generated {
  if (!runs(row)) return { expression: null, caveat: '' };
  const sources = row.sourcePaths.map((path) => readFrom(path, context));
  const hasDefault = row.defaultValue !== null && row.defaultValue !== '';
  const withDefault = (value: string) => (hasDefault ? `($v := ${value}; $exists($v) ? $v : ${literalOf(row.defaultValue!, targetType)})` : value);
  let value: string;
  let caveat = '';
  switch (row.mappingType) {
    case 'constant':
      return { expression: literalOf(row.defaultValue ?? row.transformation, targetType), caveat: '' };
    case 'lookup': {
      const entries = row.valueMap.map((entry) => `${JSON.stringify(entry.source)}: ${literalOf(entry.target, targetType)}`).join(', ');
      // An unmapped value passes through, so the target's check names it (an enum value without a value-map entry).
      value = `($v := ${sources[0] ?? '$'}; $m := {${entries}}; $t := $lookup($m, $string($v)); $exists($v) ? ($exists($t) ? $t : $v))`;
      break;
    }
    case 'concatenation': {
      value = `($p := [${sources.join(', ')}]; $count($p) > 0 ? $join($p.$string(), ${JSON.stringify(separatorOf(row.transformation))}))`;
      break;
    }
    case 'split': {
      const separator = JSON.stringify(separatorOf(row.transformation));
      const { index, count } = splitPart;
      value =
        index < count - 1
          ? `$split($trim(${sources[0]}), ${separator})[${index}]`
          : `($p := $split($trim(${sources[0]}), ${separator}); $count($p) > ${index} ? $join($p[[${index}..$count($p) - 1]], ${separator}))`;
      break;
    }
    case 'derived':
      value = sources.length > 1 ? `[${sources.join(', ')}]` : (sources[0] ?? 'null');
      if (row.transformation.trim() !== '') caveat = `the transformation ("${row.transformation.trim()}") is in words: write the expression that applies it`;
      break;
    default:
      value = sources.length > 1 ? `$join([${sources.join(', ')}].$string(), " ")` : (sources[0] ?? 'null');
  }
  if (sources.length === 0) value = hasDefault ? literalOf(row.defaultValue!, targetType) : 'null';
  else value = withDefault(value);
  if (row.condition.trim() !== '' || row.mappingType === 'conditional') {
    const condition = row.condition.trim();
    if (condition !== '' && parseError(condition) === null) value = `(${condition}) ? ${value}`;
    else caveat = condition === '' ? 'a conditional row with no condition written' : `the condition ("${condition}") is not an expression: write it as one (e.g. status = "confirmed")`;
  }
  return { expression: value, caveat };
}

/** The parse error of a JSONata text ("… (at character 12)"), or null when it parses. */
export function parseError(expression: string): string | null {
  const problem = parseProblem(expression);
  return problem && `${problem.message}${problem.position !== null ? ` (at character ${problem.position})` : ''}`;
}

/** One level a row runs inside: the source (an array with its [], or an object: one element) and the filter on its elements. */
export interface Level {
  source: string;
  filter: string;
}

/** What the worker runs for one row (or one pairing's discriminator). */
export interface ProgramUnit {
  /** The row; a pairing's discriminator runs as -(pairing id). */
  rowId: number;
  targetPath: string;
  expression: string;
  levels: Level[];
  /** Pairings sharing a target array (a discriminated array) put their elements one after the other: this unit's place in that order. */
  slot: { array: string; pairing: number } | null;
}

/** The executable form of a flow: each running row's expression with the source arrays it runs inside. */
export interface FlowProgram {
  pairings: ArrayPairing[];
  expressions: RowExpression[];
  units: ProgramUnit[];
}

/** Every row's expression (written or generated), with its parse error and whether it may disagree with the pseudocode. */
export function flowProgram(rows: MappingRow[], target: CatalogueEntity | undefined, stored: StoredPairing[] = []): FlowProgram {
  // Target arrays paired explicitly run by their pairings; any other is paired by inference from its rows.
  const explicit = new Set(stored.map((pairing) => pairing.targetPath));
  const pairings = [...stored.map((pairing) => ({ target: pairing.targetPath, source: pairing.sourcePath })), ...inferPairings(rows.filter((row) => row.pairingId === null)).filter((pairing) => !explicit.has(pairing.target))];
  const byTarget = new Map(pairings.filter((pairing) => !explicit.has(pairing.target)).map((pairing) => [pairing.target, pairing.source]));
  const storedById = new Map(stored.map((pairing) => [pairing.id, pairing]));
  /** The chain of stored pairings a row's element lies in, outermost first. */
  const chainOf = (pairingId: number | null): StoredPairing[] => {
    const chain: StoredPairing[] = [];
    for (let at = pairingId === null ? undefined : storedById.get(pairingId); at; at = at.parentId === null ? undefined : storedById.get(at.parentId)) chain.unshift(at);
    return chain;
  };
  const slotOf = (pairing: StoredPairing | undefined) => (pairing ? { array: pairing.targetPath, pairing: pairing.id } : null);
  const types = new Map((target?.fields ?? []).map((field) => [field.path, field.type]));
  const splits = new Map<string, number[]>();
  for (const row of rows) {
    if (row.mappingType === 'split' && row.sourcePaths.length === 1 && runs(row)) splits.set(row.sourcePaths[0]!, [...(splits.get(row.sourcePaths[0]!) ?? []), row.id]);
  }
  const units: ProgramUnit[] = [];
  const expressions = rows.map((row): RowExpression => {
    const chain = chainOf(row.pairingId ?? null);
    const inferred = contextOf(row.targetPath, byTarget);
    const { sources, unpaired } = chain.length > 0 ? { sources: chain.map((pairing) => pairing.sourcePath), unpaired: undefined } : explicit.has(arrayPrefixes(row.targetPath)[0] ?? '') ? { sources: [], unpaired: arrayPrefixes(row.targetPath)[0] } : inferred;
    const siblings = row.sourcePaths.length === 1 ? (splits.get(row.sourcePaths[0]!) ?? [row.id]) : [row.id];
    const generated = generateRow(row, sources, types.get(row.targetPath), namedPart(row.transformation) ?? { index: Math.max(0, siblings.indexOf(row.id)), count: siblings.length });
    const written = row.expression;
    const expression = written ?? generated.expression;
    const reasons: string[] = [];
    if (written !== null && row.expressionDrift) reasons.push('the pseudocode or the expression changed without the other');
    if (written === null && generated.caveat) reasons.push(generated.caveat);
    const error = expression === null ? null : unpaired ? `no source array is paired with ${unpaired}, so this row cannot run: map a field of its elements from a source array` : parseError(expression);
    const running = expression !== null && row.status !== 'rejected' && row.status !== 'not_needed';
    if (running && error === null) {
      units.push({ rowId: row.id, targetPath: row.targetPath, expression: expression!, levels: chain.length > 0 ? chain.map((pairing) => ({ source: pairing.sourcePath, filter: pairing.filter })) : sources.map((source) => ({ source, filter: '' })), slot: slotOf(chain[0]) });
    }
    return {
      rowId: row.id,
      mapId: row.mapId,
      expression,
      generated: written === null,
      runs: running,
      context: unpaired && expression !== null ? null : sources,
      error,
      mayDisagree: reasons.length > 0,
      disagreement: reasons.join('; '),
    };
  });
  // Each pairing's discriminator: a constant written into every element it gives.
  for (const pairing of stored) {
    if (!pairing.discriminator) continue;
    const chain = chainOf(pairing.id);
    const path = `${pairing.targetPath}.${pairing.discriminator.path}`;
    if (rows.some((row) => row.pairingId === pairing.id && row.targetPath === path)) continue; // its constant row writes it
    units.push({ rowId: -pairing.id, targetPath: path, expression: literalOf(pairing.discriminator.value, types.get(path)), levels: chain.map((each) => ({ source: each.sourcePath, filter: each.filter })), slot: slotOf(chain[0]) });
  }
  return { pairings, expressions, units };
}
