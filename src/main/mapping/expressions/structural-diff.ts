// A readable structural diff of two JSON values: each difference at its JSON pointer, with both sides.

import { escapePointerSegment as escape } from '../../openapi/load/pointer';

export interface Difference {
  pointer: string;
  kind: 'missing' | 'unexpected' | 'changed';
  expected?: unknown;
  actual?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function structuralDiff(expected: unknown, actual: unknown, pointer = ''): Difference[] {
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((key) => {
      const at = `${pointer}/${escape(key)}`;
      if (!(key in actual)) return [{ pointer: at, kind: 'missing' as const, expected: expected[key] }];
      if (!(key in expected)) return [{ pointer: at, kind: 'unexpected' as const, actual: actual[key] }];
      return structuralDiff(expected[key], actual[key], at);
    });
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return Array.from({ length: Math.max(expected.length, actual.length) }, (_, index) => {
      const at = `${pointer}/${index}`;
      if (index >= actual.length) return [{ pointer: at, kind: 'missing' as const, expected: expected[index] }];
      if (index >= expected.length) return [{ pointer: at, kind: 'unexpected' as const, actual: actual[index] }];
      return structuralDiff(expected[index], actual[index], at);
    }).flat();
  }
  return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [{ pointer: pointer || '/', kind: 'changed', expected, actual }];
}

const shown = (value: unknown) => {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** One line per difference: `/status: expected "DRAFT", got "AUTHORISED"`. */
export function describeDifference(difference: Difference): string {
  switch (difference.kind) {
    case 'missing':
      return `${difference.pointer}: expected ${shown(difference.expected)}, missing`;
    case 'unexpected':
      return `${difference.pointer}: not expected, got ${shown(difference.actual)}`;
    case 'changed':
      return `${difference.pointer}: expected ${shown(difference.expected)}, got ${shown(difference.actual)}`;
  }
}
