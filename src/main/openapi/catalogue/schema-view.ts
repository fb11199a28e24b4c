// A normalised view of one schema object: `$ref`s followed, `allOf` merged, nullable wrappers
// (`anyOf: [X, null]`, single-member oneOf/anyOf/allOf) seen through, type and nullability worked out
// for Swagger 2.0, OpenAPI 3.0 and 3.1 alike. Views are memoised by object identity, so a schema object
// shared many times (YAML aliases, one `$ref` target) is normalised once.
import type { CatalogueShape } from '../../../shared/catalogue';
import { isObject, type JsonObject, type RefResolver } from './refs';

export type ViewKind = 'object' | 'array' | 'union' | 'scalar' | 'any' | 'unknown';

/** The facets of CatalogueShape a view carries; only keys present in the schema are set. */
export type Facets = Partial<
  Pick<
    CatalogueShape,
    | 'readOnly'
    | 'writeOnly'
    | 'deprecated'
    | 'format'
    | 'enum'
    | 'minLength'
    | 'maxLength'
    | 'minimum'
    | 'maximum'
    | 'exclusiveMinimum'
    | 'exclusiveMaximum'
    | 'pattern'
    | 'minItems'
    | 'maxItems'
    | 'default'
    | 'example'
    | 'description'
  >
>;

/** Object properties in document order: names and their (not yet normalised) schemas, side by side. */
export interface PropertyList {
  names: string[];
  schemas: unknown[];
}

export interface SchemaView {
  /** Identity for cycle detection: the schema object a ref or wrapper designates. */
  key: object;
  kind: ViewKind;
  /** Type text: "string", "object", "string | integer", "string | object"… */
  type: string;
  nullable: boolean;
  /** Named schema (components.schemas / definitions key) this view is, if any. */
  ref?: string;
  /** Object properties (allOf members first). */
  properties?: PropertyList;
  required?: readonly string[];
  /** Array element schema, not yet normalised. */
  items?: unknown;
  /** `additionalProperties` schema of a map-like object, not yet normalised. */
  mapValues?: unknown;
  /** Labels of a oneOf/anyOf with two or more non-null members. */
  variants?: string[];
  /** The members those labels name, in the same order. */
  members?: SchemaView[];
  /** `discriminator.propertyName` of a union, and its mapping's values when given. */
  discriminator?: { propertyName: string; values?: string[] };
  /** `additionalProperties: true` or `{}` without properties: any keys, any values. */
  freeForm?: boolean;
  /** A related entity the API returns only on request (`x-ms-navigationProperty`, `x-expansionResources`). */
  expandable?: boolean;
  facets: Facets;
  /** Cache of SchemaViews.element() for arrays. */
  element?: ArrayElement;
  /** Cache slot for the flattener (what a field of this schema looks like, and its children). */
  flattening?: unknown;
  /** Cache of SchemaViews.children(). */
  children?: SchemaView | null;
  /** A union's merged members (SchemaViews.children()): per property, the member labels that have it, undefined when every object member does. */
  propertyVariants?: Array<string | undefined>;
}

export interface ArrayElement {
  /** How many `[]` lead to the element (2 for arrays of arrays). */
  dims: number;
  view: SchemaView;
  /** The element's type text as an array field's itemType shows it ("string", "object[]"). */
  type: string;
}

const NO_FACETS: Facets = Object.freeze({});
const ANY_KEY = {};
const ANY: SchemaView = { key: ANY_KEY, kind: 'any', type: 'any', nullable: false, facets: NO_FACETS };
const NEVER: SchemaView = { key: ANY_KEY, kind: 'any', type: 'never', nullable: false, facets: NO_FACETS };
/** Deeper chains of refs and allOf/oneOf/anyOf members than this (only cycles get there) read as "any". */
const MAX_NESTING = 64;

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function inferScalar(values: unknown[]): string | undefined {
  let found: string | undefined;
  for (const value of values) {
    let type: string;
    if (value === null) continue;
    if (typeof value === 'string') type = 'string';
    else if (typeof value === 'boolean') type = 'boolean';
    else if (typeof value === 'number') type = Number.isInteger(value) ? 'integer' : 'number';
    else return undefined;
    if (found === undefined || (found === 'integer' && type === 'number')) found = type;
    else if (found !== type && !(found === 'number' && type === 'integer')) return undefined;
  }
  return found;
}

/** What one schema object says itself, before refs, allOf and unions are taken into account. Read in one pass over its keys. */
class Own {
  types: string[] = [];
  declaredType = false;
  nullable = false;
  /** Says "null" and nothing else (`type: "null"`, `enum: [null]`, `const: null`). */
  onlyNull = false;
  expandable = false;
  ref: string | undefined = undefined;
  allOf: unknown[] | undefined = undefined;
  oneOf: unknown[] | undefined = undefined;
  anyOf: unknown[] | undefined = undefined;
  properties: PropertyList | undefined = undefined;
  required: string[] | undefined = undefined;
  items: unknown = undefined;
  mapValues: unknown = undefined;
  freeForm = false;
  discriminator: { propertyName: string; values?: string[] } | undefined = undefined;
  facets: Facets = NO_FACETS;

  constructor(schema: JsonObject) {
    let facets: Facets | undefined;
    let exclusiveMinimum: unknown;
    let exclusiveMaximum: unknown;
    let examples: unknown;
    let hasExample = false;
    let hasConst = false;
    let constant: unknown;
    for (const key in schema) {
      const value = schema[key];
      switch (key) {
        case 'type':
          this.declaredType = true;
          if (typeof value === 'string') this.types = [value];
          else if (Array.isArray(value)) this.types = value.filter((type): type is string => typeof type === 'string');
          break;
        case 'nullable':
        case 'x-nullable':
          if (value === true) this.nullable = true;
          break;
        case '$ref':
          if (typeof value === 'string') this.ref = value;
          break;
        case 'allOf':
          if (Array.isArray(value)) this.allOf = value;
          break;
        case 'oneOf':
          if (Array.isArray(value)) this.oneOf = value;
          break;
        case 'anyOf':
          if (Array.isArray(value)) this.anyOf = value;
          break;
        case 'properties':
          if (isObject(value)) {
            const names = Object.keys(value);
            const schemas = new Array<unknown>(names.length);
            for (let index = 0; index < names.length; index++) schemas[index] = value[names[index] as string];
            this.properties = { names, schemas };
          }
          break;
        case 'required':
          if (Array.isArray(value)) this.required = value.filter((name): name is string => typeof name === 'string');
          break;
        case 'items':
          this.items = Array.isArray(value) ? value[0] : value;
          break;
        case 'additionalProperties':
          if (isObject(value) && Object.keys(value).length > 0) this.mapValues = value;
          else if (value === true || isObject(value)) this.freeForm = true;
          break;
        case 'discriminator':
          if (isObject(value) && typeof value.propertyName === 'string') {
            const mapping = isObject(value.mapping) ? Object.keys(value.mapping) : [];
            this.discriminator = mapping.length ? { propertyName: value.propertyName, values: mapping } : { propertyName: value.propertyName };
          }
          break;
        case 'x-ms-navigationProperty':
          if (value === true) this.expandable = true;
          break;
        case 'x-expansionResources':
          if (value !== undefined) this.expandable = true;
          break;
        case 'readOnly':
        case 'writeOnly':
        case 'deprecated':
          if (value === true) (facets ??= {})[key] = true;
          break;
        case 'format':
        case 'pattern':
          if (typeof value === 'string') (facets ??= {})[key] = value;
          break;
        case 'enum':
          if (Array.isArray(value)) (facets ??= {}).enum = value;
          break;
        case 'const':
          hasConst = true;
          constant = value;
          break;
        case 'minLength':
        case 'maxLength':
        case 'minimum':
        case 'maximum':
        case 'minItems':
        case 'maxItems': {
          const number = num(value);
          if (number !== undefined) (facets ??= {})[key] = number;
          break;
        }
        case 'exclusiveMinimum':
          exclusiveMinimum = value;
          break;
        case 'exclusiveMaximum':
          exclusiveMaximum = value;
          break;
        case 'default':
          (facets ??= {}).default = value;
          break;
        case 'example':
          hasExample = true;
          (facets ??= {}).example = value;
          break;
        case 'examples':
          examples = value;
          break;
        case 'description':
          if (typeof value === 'string') {
            const description = value.trim();
            if (description) (facets ??= {}).description = description;
          }
          break;
      }
    }
    if (!hasExample && Array.isArray(examples) && examples.length > 0) (facets ??= {}).example = examples[0];
    if (hasConst && facets?.enum === undefined) (facets ??= {}).enum = [constant];
    // Swagger 2.0 / 3.0 boolean exclusiveMinimum/Maximum become the 3.1 numeric form.
    if (exclusiveMinimum === true && facets?.minimum !== undefined) {
      facets.exclusiveMinimum = facets.minimum;
      delete facets.minimum;
    } else if (num(exclusiveMinimum) !== undefined) (facets ??= {}).exclusiveMinimum = exclusiveMinimum as number;
    if (exclusiveMaximum === true && facets?.maximum !== undefined) {
      facets.exclusiveMaximum = facets.maximum;
      delete facets.maximum;
    } else if (num(exclusiveMaximum) !== undefined) (facets ??= {}).exclusiveMaximum = exclusiveMaximum as number;
    if (facets) this.facets = facets;

    if (this.types.includes('null')) {
      this.nullable = true;
      this.types = this.types.filter((type) => type !== 'null');
    }
    const enumValues = this.facets.enum;
    if ((this.declaredType && this.types.length === 0 && this.nullable) || (enumValues && enumValues.length > 0 && enumValues.every((value) => value === null))) {
      this.onlyNull = true;
      this.nullable = true;
    } else if (this.types.length === 0) {
      if (this.properties || this.mapValues !== undefined || this.freeForm) this.types = ['object'];
      else if (this.items !== undefined) this.types = ['array'];
      else if (enumValues) {
        const inferred = inferScalar(enumValues);
        if (inferred) this.types = [inferred];
      }
    }
  }

  get hasStructure(): boolean {
    return this.properties !== undefined || this.items !== undefined || this.mapValues !== undefined;
  }

  get hasFacets(): boolean {
    return this.facets !== NO_FACETS;
  }
}

function kindOfTypes(types: string[]): ViewKind {
  if (types.length === 0) return 'any';
  if (types.length > 1) return 'scalar';
  const type = types[0] as string;
  if (type === 'object') return 'object';
  if (type === 'array') return 'array';
  return 'scalar';
}

/** A union member that only says "null" (`{type: 'null'}`, or 3.0's `{nullable: true}` / `{type: object, nullable: true}` idiom). */
function isNullMember(raw: unknown, view: SchemaView): boolean {
  if (view.type === 'null') return true;
  if (!view.nullable || view.ref || (isObject(raw) && typeof raw.$ref === 'string')) return false;
  if (view.properties?.names.length || view.items !== undefined || view.mapValues !== undefined || view.variants) return false;
  if (view.facets.enum && view.facets.enum.some((value) => value !== null)) return false;
  return view.kind === 'any' || view.kind === 'object';
}

function addProperties(into: Map<string, unknown>, list: PropertyList): void {
  for (let index = 0; index < list.names.length; index++) into.set(list.names[index] as string, list.schemas[index]);
}

/** A copy of `view` with `changes`, without its caches (they belong to the original). */
function derive(view: SchemaView, changes: Partial<SchemaView>): SchemaView {
  const { element: _element, flattening: _flattening, ...rest } = view;
  return { ...rest, ...changes };
}

/** `view` seen through a wrapper (`{ $ref, description }`, `allOf: [X]`, `anyOf: [X, null]`): the wrapper's facets win. */
function withWrapper(view: SchemaView, own: Own, sawNull = false): SchemaView {
  const nullable = view.nullable || own.nullable || sawNull;
  const expandable = view.expandable === true || own.expandable;
  if (nullable === view.nullable && expandable === (view.expandable === true) && !own.hasFacets) return view;
  const wrapped = derive(view, { nullable, facets: own.hasFacets ? { ...view.facets, ...own.facets } : view.facets });
  if (expandable) wrapped.expandable = true;
  return wrapped;
}

export class SchemaViews {
  // A plain Map, not a WeakMap: it lives only as long as one catalogue build, and WeakMaps'
  // ephemeron bookkeeping made garbage collection the largest cost of the whole build.
  private readonly memo = new Map<object, SchemaView>();
  /** One view per `$ref` string, however many `{ $ref }` objects name it. */
  private readonly byRef = new Map<string, SchemaView>();
  private nesting = 0;

  constructor(private readonly refs: RefResolver) {}

  /** The normalised view of a schema (any value: booleans and garbage read as "any"). */
  of(raw: unknown): SchemaView {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw === false ? NEVER : ANY;
    const known = this.memo.get(raw);
    if (known) return known;
    // Only a cycle of refs / allOf members (`A: allOf: [A]`) nests this deep; it reads as "any".
    if (this.nesting >= MAX_NESTING) return ANY;
    this.nesting++;
    let view: SchemaView;
    try {
      view = this.withEnumRefs(this.build(raw as JsonObject));
    } finally {
      this.nesting--;
    }
    this.memo.set(raw, view);
    return view;
  }

  /** Enum values written as `$ref`s (`enum: [{ $ref: '#/…/type' }]`) replaced by the values they point to. */
  private withEnumRefs(view: SchemaView): SchemaView {
    const values = view.facets.enum;
    if (!values || !values.some((value) => isObject(value) && typeof value.$ref === 'string')) return view;
    const resolved = values.map((value) => (isObject(value) && typeof value.$ref === 'string' ? this.refs.value(value.$ref) ?? value : value));
    return derive(view, { facets: { ...view.facets, enum: resolved } });
  }

  /**
   * What is listed under a union (its object members' properties merged) or a map (`{key}` and the value
   * schema), or null when nothing is.
   */
  children(view: SchemaView): SchemaView | null {
    if (view.children !== undefined) return view.children;
    let result: SchemaView | null = null;
    if (view.members && view.variants) result = this.unionChildren(view);
    else if (view.kind === 'object' && !view.properties?.names.length && view.mapValues !== undefined && this.of(view.mapValues).kind !== 'any') {
      result = { key: view.key, kind: 'object', type: 'object', nullable: false, facets: NO_FACETS, properties: { names: ['{key}'], schemas: [view.mapValues] } };
    }
    view.children = result;
    return result;
  }

  private unionChildren(view: SchemaView): SchemaView | null {
    const members = view.members as SchemaView[];
    const labels = view.variants as string[];
    const owners = new Map<string, { schema: unknown; labels: string[]; required: number }>();
    const base = view.properties?.names.length ? view : undefined;
    const objects = members.map((member, index) => ({ member, label: labels[index] as string })).filter(({ member }) => member.properties?.names.length);
    if (objects.length === 0) return base ?? null;
    if (base) {
      const list = base.properties as PropertyList;
      list.names.forEach((name, index) => owners.set(name, { schema: list.schemas[index], labels: labels.slice(), required: base.required?.includes(name) ? objects.length : 0 }));
    }
    for (const { member, label } of objects) {
      const list = member.properties as PropertyList;
      list.names.forEach((name, index) => {
        const known = owners.get(name);
        const required = member.required?.includes(name) ? 1 : 0;
        if (!known) owners.set(name, { schema: list.schemas[index], labels: [label], required });
        else if (!known.labels.includes(label)) {
          known.labels.push(label);
          known.required += required;
        }
      });
    }
    const discriminator = view.discriminator;
    if (discriminator && !owners.has(discriminator.propertyName)) {
      const schema = discriminator.values ? { type: 'string', enum: discriminator.values } : { type: 'string' };
      owners.set(discriminator.propertyName, { schema, labels: labels.slice(), required: objects.length });
    }
    const names = [...owners.keys()];
    const entries = [...owners.values()];
    const everyObject = (entry: { labels: string[] }) => objects.every(({ label }) => entry.labels.includes(label));
    return {
      key: view.key,
      kind: 'object',
      type: 'object',
      nullable: false,
      facets: NO_FACETS,
      properties: { names, schemas: entries.map((entry) => entry.schema) },
      // Required when every object member that has it requires it.
      required: names.filter((_, index) => entries[index]!.required >= entries[index]!.labels.filter((label) => objects.some((object) => object.label === label)).length),
      propertyVariants: entries.map((entry) => (everyObject(entry) ? undefined : entry.labels.join(' | '))),
    };
  }

  /** An array view's element, looking through arrays of arrays (`dims` counts the `[]`s). */
  element(view: SchemaView): ArrayElement {
    const known = view.element;
    if (known) return known;
    let dims = 1;
    let element = this.of(view.items);
    while (element.kind === 'array' && dims < 8) {
      dims++;
      element = this.of(element.items);
    }
    const info: ArrayElement = { dims, view: element, type: dims === 1 ? element.type : element.type + '[]'.repeat(dims - 1) };
    view.element = info;
    return info;
  }

  /** A short label for a union member: its named schema, else its type (`Pet[]`, `string`). */
  label(view: SchemaView): string {
    if (view.ref) return view.ref;
    if (view.kind === 'array' && view.items !== undefined) {
      // One level only, and uncached: labels are built while views are still being normalised.
      const element = this.of(view.items);
      return `${element.ref ?? element.type}[]`;
    }
    return view.type;
  }

  private build(schema: JsonObject): SchemaView {
    const own = new Own(schema);
    const union = own.oneOf ?? own.anyOf;
    if (own.ref === undefined && own.allOf === undefined) {
      if (union && !own.hasStructure) return this.unionView(schema, own, union);
      return this.plainView(schema, own, union);
    }
    const members: SchemaView[] = [];
    if (own.ref !== undefined) members.push(this.refView(own.ref));
    if (own.allOf) for (const member of own.allOf) members.push(this.of(member));
    // `{ $ref: X, description }`, `{ allOf: [X], nullable: true }`: X seen through, wrapper facets on top.
    const single = members[0] as SchemaView;
    const compatibleType =
      own.types.length === 0 || (own.types.length === 1 && (own.types[0] === single.type || single.kind === 'any' || single.kind === 'unknown'));
    if (members.length === 1 && !own.hasStructure && !union && compatibleType) return withWrapper(single, own);
    return this.mergedView(schema, own, members, union);
  }

  private refView(ref: string): SchemaView {
    let view = this.byRef.get(ref);
    if (!view) {
      view = this.resolveRef(ref);
      this.byRef.set(ref, view);
    }
    return view;
  }

  private resolveRef(ref: string): SchemaView {
    const resolved = this.refs.follow(ref);
    if (!resolved.value) {
      const view: SchemaView = { key: { ref }, kind: 'unknown', type: 'unknown', nullable: false, facets: NO_FACETS };
      if (resolved.name) view.ref = resolved.name;
      return view;
    }
    const target = this.of(resolved.value);
    const name = resolved.name ?? target.ref;
    const key = target.key === ANY_KEY ? resolved.value : target.key;
    if (name === target.ref && key === target.key) return target;
    return derive(target, name ? { key, ref: name } : { key });
  }

  private plainView(schema: JsonObject, own: Own, union: unknown[] | undefined): SchemaView {
    const view: SchemaView = {
      key: schema,
      kind: own.onlyNull ? 'scalar' : kindOfTypes(own.types),
      type: own.onlyNull ? 'null' : own.types.length === 1 ? (own.types[0] as string) : own.types.length ? own.types.join(' | ') : 'any',
      nullable: own.nullable,
      facets: own.facets,
    };
    if (own.properties) view.properties = own.properties;
    if (own.required) view.required = own.required;
    if (own.items !== undefined) view.items = own.items;
    if (own.mapValues !== undefined) view.mapValues = own.mapValues;
    if (own.freeForm && !own.properties) view.freeForm = true;
    if (own.expandable) view.expandable = true;
    if (union) this.addVariants(view, union);
    return view;
  }

  private unionView(schema: JsonObject, own: Own, union: unknown[]): SchemaView {
    const members: SchemaView[] = [];
    let sawNull = false;
    for (const raw of union) {
      const view = this.of(raw);
      if (isNullMember(raw, view)) sawNull = true;
      else members.push(view);
    }
    if (members.length === 0) return { key: schema, kind: 'scalar', type: 'null', nullable: true, facets: own.facets };
    if (members.length === 1) return withWrapper(members[0] as SchemaView, own, sawNull);
    const types: string[] = [];
    let nullable = own.nullable || sawNull;
    for (const member of members) {
      nullable ||= member.nullable;
      for (const type of member.type.split(' | ')) if (!types.includes(type)) types.push(type);
    }
    const view: SchemaView = {
      key: schema,
      kind: 'union',
      type: types.join(' | '),
      nullable,
      variants: members.map((member) => this.label(member)),
      members,
      facets: own.facets,
    };
    if (own.discriminator) view.discriminator = own.discriminator;
    if (own.expandable) view.expandable = true;
    return view;
  }

  private mergedView(schema: JsonObject, own: Own, members: SchemaView[], union: unknown[] | undefined): SchemaView {
    const properties = new Map<string, unknown>();
    const required = new Set<string>();
    let facets: Facets = {};
    let type: string | undefined;
    let items: unknown;
    let mapValues: unknown;
    let allNullable = true;
    for (const member of members) {
      if (member.properties) addProperties(properties, member.properties);
      if (member.required) for (const name of member.required) required.add(name);
      if (member.kind !== 'any' && member.kind !== 'unknown' && member.kind !== 'union' && type === undefined) type = member.type;
      if (member.items !== undefined) items = member.items;
      if (member.mapValues !== undefined) mapValues = member.mapValues;
      allNullable &&= member.nullable;
      facets = { ...facets, ...member.facets };
    }
    const nullable = own.nullable || (allNullable && own.types.length === 0);
    if (own.properties) addProperties(properties, own.properties);
    if (own.required) for (const name of own.required) required.add(name);
    if (own.items !== undefined) items = own.items;
    if (own.mapValues !== undefined) mapValues = own.mapValues;
    facets = { ...facets, ...own.facets };
    if (own.types.length) type = own.types.join(' | ');
    if (properties.size > 0 && (type === undefined || type === 'any')) type = 'object';
    if (type === undefined) {
      // allOf of unions only, e.g. `allOf: [{ oneOf: [...] }]`: the first union stands for the whole.
      const unionMember = members.find((member) => member.kind === 'union');
      if (unionMember && properties.size === 0) {
        return derive(unionMember, { key: schema, nullable: nullable || unionMember.nullable, facets: { ...unionMember.facets, ...facets } });
      }
    }
    const finalType = type ?? 'any';
    const view: SchemaView = { key: schema, kind: kindOfTypes(finalType.split(' | ')), type: finalType, nullable, facets };
    if (properties.size) view.properties = { names: [...properties.keys()], schemas: [...properties.values()] };
    if (required.size) view.required = [...required];
    if (items !== undefined) view.items = items;
    if (mapValues !== undefined) view.mapValues = mapValues;
    if (own.expandable) view.expandable = true;
    if (union) this.addVariants(view, union);
    return view;
  }

  /** An object that has properties and a oneOf/anyOf: walked as an object, variants noted. */
  private addVariants(view: SchemaView, union: unknown[]): void {
    const labels: string[] = [];
    const members: SchemaView[] = [];
    for (const raw of union) {
      const member = this.of(raw);
      if (isNullMember(raw, member)) view.nullable = true;
      // Constraint-only members (`anyOf: [{ required: [a] }, { required: [b] }]`) are not variants.
      else if (member.kind !== 'any' || member.ref) {
        labels.push(this.label(member));
        members.push(member);
      }
    }
    if (labels.length > 1) {
      view.variants = labels;
      view.members = members;
    }
  }
}
