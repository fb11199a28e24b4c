// Writing JSONata text: field paths as path expressions (names quoted with backticks when they need it)
// and values as literals; where a text stops parsing (the sheet's inline error and the preview's).
import jsonata from 'jsonata';

const RESERVED = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);

/** One property name as a JSONata step. */
export function stepOf(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name)) return name;
  return `\`${name.replace(/`/g, '')}\``;
}

/** A catalogue field path (`customer.addresses[].city`) as a JSONata path; arrays map themselves. */
export const pathOf = (path: string) =>
  path
    .split('.')
    .map((segment) => segment.replace(/\[\]/g, ''))
    .filter((segment) => segment !== '')
    .map(stepOf)
    .join('.');

/** A value written in a sheet (a default, a constant, a value map's target) as a literal of the target field's type. */
export function literalOf(text: string, targetType: string | undefined): string {
  const type = (targetType ?? 'string').split('|').map((part) => part.trim()).find((part) => part !== 'null') ?? 'string';
  const trimmed = text.trim();
  if ((type === 'integer' || type === 'number') && trimmed !== '' && Number.isFinite(Number(trimmed))) return String(Number(trimmed));
  if (type === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed;
  return JSON.stringify(text);
}

const PLAIN_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** A path of plain names, what pathOf writes for most fields, always parses. */
const isPlainPath = (expression: string) => PLAIN_PATH.test(expression) && expression.split('.').every((step) => !RESERVED.has(step));

/** Where a JSONata text stops parsing: jsonata's message and the character it stopped at (null when it parses). */
export function parseProblem(expression: string): { message: string; position: number | null } | null {
  // Parsing is the sheet's main cost: a 4,900-row flow's generated expressions took over a second to parse.
  if (isPlainPath(expression)) return null;
  try {
    jsonata(expression);
    return null;
  } catch (error) {
    const failure = error as { message?: string; position?: number };
    return { message: failure.message ?? String(error), position: typeof failure.position === 'number' ? failure.position : null };
  }
}
