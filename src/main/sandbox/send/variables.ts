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
    if (Array.isArray(value)) return value.map((item) => this.resolveDeep(item)) as T;
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.resolveDeep(item)])) as T;
    return value;
  }
}

/** The names a text refers to, for completion and warnings. */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((match) => match[1]!);
}
