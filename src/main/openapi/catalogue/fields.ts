// Flattens one schema into the field list of an entity (paths such as `lines[].unitPrice`).
//
// The walk is depth-first and emits one field per step, so its cost is linear in the fields it
// lists: capped by depth and by fields per entity, it ends quickly on cyclic, very deep or
// alias-bomb documents. Cycles: a schema already being expanded on the current path is listed
// once more, as a `recursive` leaf, and not expanded again.
//
// Speed: everything a field takes from its schema is worked out once per schema view (FieldKit,
// cached on the view), and every object's list of property kits once per object, so listing a
// named schema for the hundredth time, under another prefix, only creates the field objects.
import type { CatalogueField, CatalogueLimits, CatalogueShape } from '../../../shared/catalogue';
import type { PropertyList, SchemaView, SchemaViews } from './schema-view';

export const DEFAULT_LIMITS: CatalogueLimits = { maxDepth: 10, maxFieldsPerEntity: 5_000 };

export interface FlattenedSchema {
  shape: CatalogueShape;
  fields: CatalogueField[];
  depthCapReached: boolean;
  fieldCapReached: boolean;
}

/** The optional keys a field or shape takes from its schema, only those present, in a fixed order. */
type Details = Omit<CatalogueShape, 'type' | 'nullable' | 'readOnly' | 'writeOnly' | 'deprecated'>;

/**
 * What a field takes from its schema, worked out once per schema view: the always-present keys,
 * the optional ones (`details`, copied as a block), and where its children come from.
 */
class FieldKit {
  readonly type: string;
  readonly nullable: boolean;
  readonly readOnly: boolean;
  readonly writeOnly: boolean;
  readonly deprecated: boolean;
  readonly details: Details | undefined;
  /** The object whose properties are this value's children (itself, or an array's element), if any. */
  readonly next: SchemaView | undefined = undefined;
  /** What the children's paths add after this field's path: "" for objects, "[]" for arrays. */
  readonly suffix: string = '';
  /** For an object view with properties: its properties' kits and required flags, filled on first walk. */
  childKits: FieldKit[] | undefined = undefined;
  childRequired: boolean[] | undefined = undefined;
  /** For a union's merged members: per property, the members that have it (undefined: all of them). */
  childVariants: Array<string | undefined> | undefined = undefined;

  constructor(views: SchemaViews, view: SchemaView) {
    const facets = view.facets;
    this.type = view.type;
    this.nullable = view.nullable;
    this.readOnly = facets.readOnly === true;
    this.writeOnly = facets.writeOnly === true;
    this.deprecated = facets.deprecated === true;
    const details: Details = {};
    if (facets.format !== undefined) details.format = facets.format;
    if (facets.enum !== undefined) details.enum = facets.enum;
    if (facets.minLength !== undefined) details.minLength = facets.minLength;
    if (facets.maxLength !== undefined) details.maxLength = facets.maxLength;
    if (facets.minimum !== undefined) details.minimum = facets.minimum;
    if (facets.maximum !== undefined) details.maximum = facets.maximum;
    if (facets.exclusiveMinimum !== undefined) details.exclusiveMinimum = facets.exclusiveMinimum;
    if (facets.exclusiveMaximum !== undefined) details.exclusiveMaximum = facets.exclusiveMaximum;
    if (facets.pattern !== undefined) details.pattern = facets.pattern;
    if (facets.minItems !== undefined) details.minItems = facets.minItems;
    if (facets.maxItems !== undefined) details.maxItems = facets.maxItems;
    if (Object.hasOwn(facets, 'default')) details.default = facets.default;
    if (Object.hasOwn(facets, 'example')) details.example = facets.example;
    if (facets.description !== undefined) details.description = facets.description;
    if (view.ref !== undefined) details.ref = view.ref;
    let next: SchemaView | undefined;
    if (view.kind === 'array') {
      const element = views.element(view);
      details.itemType = element.type;
      if (element.view.ref !== undefined) details.itemRef = element.view.ref;
      // Arrays of arrays too: `grid` of string[] keeps the strings' format and enum.
      if (element.view.kind === 'scalar') {
        if (element.view.facets.format !== undefined) details.itemFormat = element.view.facets.format;
        if (element.view.facets.enum !== undefined) details.itemEnum = element.view.facets.enum;
      }
      const children = element.view.kind === 'object' && element.view.properties?.names.length && !element.view.members ? element.view : views.children(element.view);
      if (children) {
        next = children;
        this.suffix = '[]'.repeat(element.dims);
      }
    } else if (view.kind === 'object' && view.properties?.names.length && !view.members) next = view;
    else {
      if (view.kind === 'object' && view.mapValues !== undefined) details.mapValueType = views.label(views.of(view.mapValues));
      next = views.children(view) ?? undefined;
    }
    if (view.freeForm) details.freeForm = true;
    if (view.variants !== undefined) details.variants = view.variants;
    // Related entities the API returns only on request are listed, not expanded.
    if (view.expandable) {
      details.expandable = true;
      next = undefined;
    }
    this.next = next;
    this.details = Object.keys(details).length ? details : undefined;
  }

  shape(): CatalogueShape {
    const shape: CatalogueShape = {
      type: this.type,
      nullable: this.nullable,
      readOnly: this.readOnly,
      writeOnly: this.writeOnly,
      deprecated: this.deprecated,
    };
    if (this.details) Object.assign(shape, this.details);
    return shape;
  }

  field(path: string, name: string, parent: string | undefined, depth: number, required: boolean): CatalogueField {
    const field: CatalogueField =
      parent === undefined
        ? { path, name, depth, type: this.type, required, nullable: this.nullable, readOnly: this.readOnly, writeOnly: this.writeOnly, deprecated: this.deprecated, leaf: true }
        : { path, name, parent, depth, type: this.type, required, nullable: this.nullable, readOnly: this.readOnly, writeOnly: this.writeOnly, deprecated: this.deprecated, leaf: true };
    if (this.details) Object.assign(field, this.details);
    return field;
  }
}

/** Flattens schemas of one document; caches what it learns about each schema (on the view) across entities. */
export class Flattener {
  constructor(
    private readonly views: SchemaViews,
    private readonly limits: CatalogueLimits = DEFAULT_LIMITS,
  ) {}

  kit(view: SchemaView): FieldKit {
    let kit = view.flattening as FieldKit | undefined;
    if (!kit) {
      kit = new FieldKit(this.views, view);
      view.flattening = kit;
    }
    return kit;
  }

  /** `object`'s kit, with its properties' kits and required flags filled in. */
  private parentKit(object: SchemaView): FieldKit {
    const kit = this.kit(object);
    if (!kit.childKits) {
      const { names, schemas } = object.properties ?? { names: [], schemas: [] };
      const required = object.required && object.required.length > 8 ? new Set(object.required) : object.required;
      const kits = new Array<FieldKit>(names.length);
      const flags = new Array<boolean>(names.length);
      for (let index = 0; index < names.length; index++) {
        kits[index] = this.kit(this.views.of(schemas[index]));
        flags[index] = required !== undefined && (Array.isArray(required) ? required.includes(names[index]) : (required as Set<string>).has(names[index] as string));
      }
      kit.childKits = kits;
      kit.childRequired = flags;
      kit.childVariants = object.propertyVariants;
    }
    return kit;
  }

  /** The shape of the schema `raw` alone, without walking its fields. */
  shape(raw: unknown): CatalogueShape {
    return this.kit(this.views.of(raw)).shape();
  }

  /** The shape and fields of the schema `raw` (any schema object, `$ref`s allowed). */
  flatten(raw: unknown): FlattenedSchema {
    const kit = this.kit(this.views.of(raw));
    const result: FlattenedSchema = { shape: kit.shape(), fields: [], depthCapReached: false, fieldCapReached: false };
    if (kit.next) this.walk(result, new Map(), kit.next, kit.suffix, undefined, 0);
    return result;
  }

  /** Lists `object`'s properties, and their descendants, under `parent` at `depth`. */
  /** `onPath`: the objects being expanded, each with the path of the field it is expanded under ('' for the entity). */
  private walk(result: FlattenedSchema, onPath: Map<object, string>, object: SchemaView, prefix: string, parent: CatalogueField | undefined, depth: number): void {
    const { fields } = result;
    const max = this.limits.maxFieldsPerEntity;
    if (fields.length >= max) {
      result.fieldCapReached = true;
      return;
    }
    const parentPath = parent?.path;
    const names = (object.properties as PropertyList).names;
    const owner = this.parentKit(object);
    const kits = owner.childKits as FieldKit[];
    const required = owner.childRequired as boolean[];
    const variants = owner.childVariants;
    const base = prefix === '' ? '' : `${prefix}.`;
    onPath.set(object.key, parentPath ?? '');
    if (parent) parent.leaf = false;
    for (let index = 0; index < kits.length; index++) {
      if (fields.length >= max) {
        result.fieldCapReached = true;
        break;
      }
      const name = names[index] as string;
      const kit = kits[index] as FieldKit;
      const path = base + name;
      const field = kit.field(path, name, parentPath, depth, required[index] as boolean);
      const variant = variants?.[index];
      if (variant !== undefined) field.variant = variant;
      fields.push(field);
      const next = kit.next;
      if (next === undefined) continue;
      const cycle = onPath.get(next.key);
      if (cycle !== undefined) {
        field.recursive = true;
        field.cycleOf = cycle;
      }
      else if (depth + 1 >= this.limits.maxDepth) {
        field.truncated = true;
        result.depthCapReached = true;
      } else this.walk(result, onPath, next, path + kit.suffix, field, depth + 1);
    }
    onPath.delete(object.key);
  }
}
