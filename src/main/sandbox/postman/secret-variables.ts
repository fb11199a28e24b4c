// Secret values moved out of requests into secret variables: a literal secret (a password, token,
// API key, Authorization or Cookie header) is replaced by {{name}} and kept once, as a variable marked
// secret; a secret place that already reads {{name}} makes that variable secret. Both import and
// export go through it, so a collection carries its secrets in one place, which an export can empty.
import type { InterchangeVariable } from './types';

const REFERENCE = /\{\{([^{}]+)\}\}/g;

export class SecretVariables {
  private readonly variables: InterchangeVariable[];
  private readonly byValue = new Map<string, string>();

  constructor(variables: InterchangeVariable[]) {
    this.variables = variables.map((variable) => ({ ...variable }));
    for (const variable of this.variables) if (variable.secret && variable.value) this.byValue.set(variable.value, variable.name);
  }

  /** What to put where `value` was: {{name}} of the secret variable holding it, or `value` itself when it only refers to variables. */
  hold(value: string, hint: string): string {
    if (value === '') return value;
    const referenced = [...value.matchAll(REFERENCE)].map((match) => match[1]!.trim());
    if (referenced.length > 0) {
      for (const name of referenced) this.markSecret(name);
      return value;
    }
    let name = this.byValue.get(value);
    if (!name) {
      name = this.freeName(hint);
      this.variables.push({ name, value, secret: true, enabled: true });
      this.byValue.set(value, name);
    }
    return `{{${name}}}`;
  }

  /** A secret whose value is not at hand (sealed): a reference to an empty secret variable. */
  holdUnknown(hint: string): string {
    const name = this.freeName(hint);
    this.variables.push({ name, value: '', secret: true, enabled: true });
    return `{{${name}}}`;
  }

  markSecret(name: string): void {
    if (name.startsWith('$')) return; // Postman's dynamic variables ({{$guid}})
    const variable = this.variables.find((candidate) => candidate.name === name);
    if (variable) variable.secret = true;
    else this.variables.push({ name, value: '', secret: true, enabled: true });
  }

  list(): InterchangeVariable[] {
    return this.variables;
  }

  private freeName(hint: string): string {
    const base =
      hint
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '') || 'secret';
    let name = base;
    for (let suffix = 2; this.variables.some((variable) => variable.name === name); suffix++) name = `${base}_${suffix}`;
    return name;
  }
}
