// The lazily converted document (ConvertedDocument) gives what converting the whole document up front
// gives, at every schema pointer of real 2.0, 3.0 and 3.1 documents, in both directions; and converts
// only what was asked for.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConvertedDocument, convertDocument, dialectOf, lookUp } from '../../../../src/main/openapi/payload/json-schema';

type JsonObject = Record<string, unknown>;

const folder = path.resolve(__dirname, '../../../fixtures/openapi/real');
const documents = fs.readdirSync(folder).filter((file) => file.endsWith('.json'));
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every pointer to an object in the document, the document itself included. */
function pointersOf(value: unknown, at = '#', into: string[] = []): string[] {
  if (isObject(value)) {
    into.push(at === '#' ? '#' : at);
    for (const [name, child] of Object.entries(value)) pointersOf(child, `${at}/${escape(name)}`, into);
  } else if (Array.isArray(value)) value.forEach((item, index) => pointersOf(item, `${at}/${index}`, into));
  return into;
}

describe('ConvertedDocument', () => {
  it.each(documents)('%s: every pointer reads as in the whole conversion, in both directions', (file) => {
    const document = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as JsonObject;
    const pointers = pointersOf(document);
    expect(pointers.length).toBeGreaterThan(50);
    for (const direction of ['request', 'response'] as const) {
      const options = { dialect: dialectOf(document), direction };
      const whole = convertDocument(document, options);
      const lazy = new ConvertedDocument(document, options);
      const differing = pointers.filter((pointer) => JSON.stringify(lazy.lookUp(pointer)) !== JSON.stringify(lookUp(whole, pointer)));
      expect(differing).toEqual([]);
    }
  });

  it('converts only the schemas asked for, marking read-only properties as the whole conversion does', () => {
    const document: JsonObject = {
      openapi: '3.0.3',
      paths: {},
      components: {
        schemas: {
          Order: { type: 'object', required: ['id', 'total'], properties: { id: { type: 'string', readOnly: true }, total: { type: 'number', nullable: true } } },
          Broken: { type: 'object', properties: { x: { exclusiveMinimum: true, minimum: 1 } } },
        },
      },
    };
    const lazy = new ConvertedDocument(document, { dialect: 'openapi30', direction: 'request' });
    expect(lazy.lookUp('#/components/schemas/Order/properties/total')).toEqual({ type: ['number', 'null'] });
    expect(lazy.lookUp('#/components/schemas/Order')).toMatchObject({ required: ['total'], properties: { id: { 'x-crosswalk-forbidden': expect.stringContaining('read-only') } } });
    expect(lazy.lookUp('#/components/schemas/Missing')).toBeUndefined();
    expect(lazy.lookUp('#/components/schemas/Order/properties/nothing')).toBeUndefined();
    // Broken was never asked for: still as written.
    expect((document.components as JsonObject).schemas).toMatchObject({ Broken: { properties: { x: { exclusiveMinimum: true } } } });
  });
});
