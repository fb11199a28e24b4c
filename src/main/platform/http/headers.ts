// Response headers as sent, a name possibly repeated (Set-Cookie, Link, WWW-Authenticate).

export class ResponseHeaders {
  private readonly values = new Map<string, string[]>();

  /** From undici's parsed form: lower-case names, a repeated header as an array. */
  constructor(headers: Record<string, string | string[] | undefined>) {
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) this.values.set(name.toLowerCase(), Array.isArray(value) ? value : [value]);
    }
  }

  /** The header's value (any case of the name); a repeated header's values joined with ", ". */
  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase())?.join(', ');
  }

  /** Every value of the header, in the order sent. */
  getAll(name: string): string[] {
    return [...(this.values.get(name.toLowerCase()) ?? [])];
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  /** [lower-case name, values] for each header. */
  entries(): Array<[string, string[]]> {
    return [...this.values].map(([name, values]) => [name, [...values]]);
  }

  toJSON(): Record<string, string | string[]> {
    return Object.fromEntries([...this.values].map(([name, values]) => [name, values.length === 1 ? values[0]! : [...values]]));
  }
}
