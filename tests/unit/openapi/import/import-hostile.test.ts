// Hostile and broken documents end in one clear sentence within seconds (the test time-out is the
// bound), never a hang, a crash or unbounded memory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importApiDocument } from '../../../../src/main/openapi/import';
import { tempDir } from '../../../helpers/temp';

const fixtures = path.resolve(__dirname, '../../../fixtures/openapi/import');
const HEADER = { openapi: '3.0.3', info: { title: 'Hostile', version: '1' }, paths: {} };

function write(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

/** A schema nested `levels` deep through `properties.child`. */
function nestedSchema(levels: number): unknown {
  let schema: unknown = { type: 'string' };
  for (let level = 0; level < levels; level++) schema = { type: 'object', properties: { child: schema } };
  return schema;
}

describe('hostile documents', { timeout: 10_000 }, () => {
  it('refuses a YAML alias bomb ("billion laughs")', async () => {
    const file = path.join(fixtures, 'alias-bomb.openapi.yaml');
    await expect(importApiDocument(file)).rejects.toThrow(
      `${file} expands YAML aliases (*name) more than 1,000 times, as a "billion laughs" attack does: write the repeated parts out, or use $ref instead of aliases.`,
    );
  });

  it('imports 50 levels of nesting (the catalogue cuts it at its depth cap)', async () => {
    const file = write('deep50.json', JSON.stringify({ ...HEADER, components: { schemas: { Deep: nestedSchema(50) } } }));
    const result = await importApiDocument(file);
    expect(result.status).toBe('imported');
    if (result.status !== 'imported') return;
    const deep = result.catalogue.entities.find((entity) => entity.id === 'schema:Deep');
    expect(deep?.fields[0]?.path).toBe('child');
    expect(deep?.depthCapReached).toBe(true);
    expect((await result.validation).valid).toBe(true);
  });

  it('refuses JSON nested deeper than the limit, naming where', async () => {
    const file = write('deep.json', `{"openapi": "3.0.3", "x-deep": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    await expect(importApiDocument(file)).rejects.toThrow(
      new RegExp(`^${file} nests objects and arrays more than 256 levels deep \\(at /x-deep(/0){256}\\): check the document is not generated wrongly, or flatten it with \\$ref\\.$`),
    );
  });

  it('refuses YAML nested too deeply to read, with its line and column', async () => {
    const file = write('deep.yaml', `openapi: 3.0.3\nx-deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    await expect(importApiDocument(file)).rejects.toThrow(
      new RegExp(`^${file} nests objects and arrays too deeply to read \\(at line 2, column \\d+\\): check the document`),
    );
  });

  it('refuses a 50 MB string, naming its JSON pointer', async () => {
    const blob = 'x'.repeat(50 * 1024 * 1024);
    const file = write('blob.json', `{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {"/a": {"description": "${blob}"}}}`);
    await expect(importApiDocument(file)).rejects.toThrow(
      `${file} has a string of 52,428,800 characters at /paths/~1a/description, more than the limit of 4 million: remove it (or move the data out of the API document) and import again.`,
    );
  });

  it('refuses a 50 MB string in YAML too', async () => {
    const file = write('blob.yaml', `openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\nx-blob: ${'y'.repeat(50 * 1024 * 1024)}\n`);
    await expect(importApiDocument(file)).rejects.toThrow(`${file} has a string of 52,428,800 characters at /x-blob, more than the limit of 4 million`);
  });

  it('refuses a document over the size limit before reading it, naming the limit', async () => {
    const file = path.join(tempDir(), 'huge.json');
    fs.writeFileSync(file, '{"openapi": "3.0.3"}');
    fs.truncateSync(file, 101 * 1024 * 1024); // sparse: no need to write 101 MB
    await expect(importApiDocument(file)).rejects.toThrow(
      `${file} is larger than 100 MB, the limit for an API document: check it is the right file, or raise the limit if this API really is that large.`,
    );
  });

  it('refuses binary garbage', async () => {
    const file = write('garbage.bin', crypto.randomBytes(64 * 1024));
    await expect(importApiDocument(file)).rejects.toThrow(
      `${file} is not a text file (it holds binary data, or text that is not UTF-8): choose the API document itself, a JSON or YAML file.`,
    );
  });

  it('refuses an empty file', async () => {
    const file = write('empty.yaml', '');
    await expect(importApiDocument(file)).rejects.toThrow(
      `${file} is empty: choose the API document itself, a JSON or YAML file with an "openapi" or "swagger" field.`,
    );
  });

  it('refuses duplicate YAML keys with their line and column', async () => {
    const file = path.join(fixtures, 'duplicate-keys.openapi.yaml');
    await expect(importApiDocument(file)).rejects.toThrow(
      `${file} is not valid YAML at line 10, column 5 (the key "Thing" appears twice in the same mapping): remove or rename one of them.`,
    );
  });

  it('points at a JSON syntax error', async () => {
    const file = write('broken.json', '{\n  "openapi": "3.0.3",\n  "info": {"title": "T" "version": "1"}\n}\n');
    await expect(importApiDocument(file)).rejects.toThrow(
      `${file} is not valid JSON at line 3, column 25 (expected ',' or '}' after property value): fix the document there and import it again.`,
    );
  });

  it('reads JSON that only YAML accepts (a trailing comma) as YAML, as swagger-parser does', async () => {
    const file = write('lenient.json', '{\n  "openapi": "3.0.3",\n  "info": {"title": "T", "version": "1",},\n  "paths": {}\n}\n');
    await expect(importApiDocument(file)).resolves.toMatchObject({ status: 'imported', format: 'yaml', title: 'T' });
  });

  it('points at a YAML syntax error', async () => {
    const file = write('broken.yaml', 'openapi: 3.0.3\ninfo:\n  title: [unclosed\n  version: 1\n');
    await expect(importApiDocument(file)).rejects.toThrow(new RegExp(`^${file} is not valid YAML at line \\d+, column \\d+ \\(.+\\): fix the document there and import it again\\.$`));
  });

  it('says when there is no file, or it is a folder', async () => {
    await expect(importApiDocument('/nonexistent/api.yaml')).rejects.toThrow('There is no file at /nonexistent/api.yaml: check the path.');
    const dir = tempDir();
    await expect(importApiDocument(dir)).rejects.toThrow(`${dir} is a folder, not an API document: choose the document file itself (JSON or YAML).`);
  });

  it('refuses a document referencing more files than allowed', async () => {
    const dir = tempDir();
    const schemas = Object.fromEntries(Array.from({ length: 5 }, (_, index) => [`S${index}`, { $ref: `s${index}.json` }]));
    for (let index = 0; index < 5; index++) fs.writeFileSync(path.join(dir, `s${index}.json`), '{"type": "string"}');
    fs.writeFileSync(path.join(dir, 'api.json'), JSON.stringify({ ...HEADER, components: { schemas } }));
    await expect(importApiDocument(path.join(dir, 'api.json'), { limits: { maxFiles: 3 } })).rejects.toThrow(
      'references more than 3 files, the limit for one API document: check for references that should not be there.',
    );
  });
});
