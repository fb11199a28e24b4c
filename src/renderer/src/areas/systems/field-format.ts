// How a field's schema reads in the catalogue: its type, limits and allowed values as short text.
import type { CatalogueShape } from '../../../../shared/catalogue';

/** A value from the document as the analyst reads it: strings as they are, anything else as JSON. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** "open, confirmed, shipped"; strings as written, other values as JSON. */
export const enumText = (values: readonly unknown[]) => values.map(valueText).join(', ');

/** The allowed values of a field, or of its elements for an array of scalars. */
export function allowedValues(shape: CatalogueShape): { values: unknown[]; ofItems: boolean } | null {
  if (shape.enum && shape.enum.length > 0) return { values: shape.enum, ofItems: false };
  if (shape.itemEnum && shape.itemEnum.length > 0) return { values: shape.itemEnum, ofItems: true };
  return null;
}

export interface TypeParts {
  /** "string", "OrderLine[]", "map of integer", "oneOf"… */
  type: string;
  /** The format, of the value or of its elements. */
  format?: string;
  /** A named schema the analyst can open. */
  ref?: string;
  /** oneOf/anyOf members. */
  variants?: string[];
}

export function typeParts(shape: CatalogueShape): TypeParts {
  const format = shape.format ?? shape.itemFormat;
  const parts: TypeParts = { type: shape.type };
  if (format) parts.format = format;
  if (shape.variants && shape.variants.length > 0) {
    parts.type = 'one of';
    parts.variants = shape.variants;
    return parts;
  }
  if (shape.type === 'array') {
    parts.type = `${shape.itemType ?? 'any'}[]`;
    if (shape.itemRef) parts.ref = shape.itemRef;
    return parts;
  }
  if (shape.mapValueType) parts.type = `map of ${shape.mapValueType}`;
  else if (shape.freeForm) parts.type = 'free-form map';
  if (shape.ref) parts.ref = shape.ref;
  return parts;
}

/** The type as one line of text (tooltips, search, copy). */
export function typeText(shape: CatalogueShape): string {
  const parts = typeParts(shape);
  const main = parts.variants ? `one of ${parts.variants.join(' | ')}` : parts.type;
  return [main, parts.format && `(${parts.format})`, parts.ref && !parts.variants && `→ ${parts.ref}`].filter(Boolean).join(' ');
}

function range(low: string | undefined, high: string | undefined, unit = ''): string | undefined {
  if (low !== undefined && high !== undefined) return `${low}–${high}${unit}`;
  if (high !== undefined) return `≤ ${high}${unit}`;
  if (low !== undefined) return `≥ ${low}${unit}`;
  return undefined;
}

const num = (value: number | undefined) => (value === undefined ? undefined : String(value));

/** "length ≤ 40", "0–100", "> 0", "1–10 items", "pattern ^SO-[0-9]{6}$": each limit the schema sets. */
export function limitParts(shape: CatalogueShape): string[] {
  const parts: string[] = [];
  const length = range(num(shape.minLength), num(shape.maxLength));
  if (length) parts.push(`length ${length}`);

  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = shape;
  if (minimum !== undefined || maximum !== undefined || exclusiveMinimum !== undefined || exclusiveMaximum !== undefined) {
    const low = exclusiveMinimum !== undefined ? `> ${exclusiveMinimum}` : minimum !== undefined ? `≥ ${minimum}` : undefined;
    const high = exclusiveMaximum !== undefined ? `< ${exclusiveMaximum}` : maximum !== undefined ? `≤ ${maximum}` : undefined;
    if (minimum !== undefined && maximum !== undefined) parts.push(`${minimum}–${maximum}`);
    else parts.push([low, high].filter(Boolean).join(', '));
  }

  const items = range(num(shape.minItems), num(shape.maxItems), ' items');
  if (items) parts.push(items.replace(/^([≤≥] 1) items$/, '$1 item'));
  if (shape.pattern) parts.push(`pattern ${shape.pattern}`);
  return parts;
}
