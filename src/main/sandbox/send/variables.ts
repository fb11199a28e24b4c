// {{name}} in URL, query, headers, body and auth: resolved from the one-off values, the environment's
// variables ({{baseUrl}} included), then the system's secret variables. Names without a value are
// listed before anything is sent.

const VARIABLE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export class VariableScope {
  readonly unresolved = new Set<string>();

  /** `fallback` is asked for names `values` lacks (the system's secret variables, CROSSWALK_SECRET_<NAME>). */
  constructor(
    private readonly values: Map<string, string>,
    private readonly fallback: (name: string) => string | undefined = () => undefined,
  ) {}

  /** The text with every known {{name}} replaced; unknown names are kept as written and recorded. */
  resolve(text: string): string {
    if (!text.includes('{{')) return text;
    return text.replace(VARIABLE, (whole, name: string) => {
      let value = this.values.get(name);
      if (value === undefined) {
        value = this.fallback(name);
        if (value !== undefined) this.values.set(name, value);
      }
      if (value === undefined) {
        this.unresolved.add(name);
        return whole;
      }
      return value;
    });
  }

  /** Every string inside a JSON-like value resolved. */
  resolveDeep<T>(value: T): T {
    if (typeof value === 'string') return this.resolve(value) as T;
    if (typeof value !== 'object' || value === null) return value;
    // Loops rather than entries/fromEntries: a send resolves its whole request, and those build two arrays per object.
    if (Array.isArray(value)) {
      const copy: unknown[] = new Array(value.length);
      for (let index = 0; index < value.length; index += 1) copy[index] = this.resolveDeep(value[index]);
      return copy as T;
    }
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = this.resolveDeep((value as Record<string, unknown>)[key]);
      // An own "__proto__" (JSON.parse makes one) stays a key: assigning it would set the copy's prototype.
      if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
      else copy[key] = item;
    }
    return copy as T;
  }
}

/** The names a text refers to, for completion and warnings. */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((match) => match[1]!);
}
