// Inputs that used to be accepted wrongly or to hang: duplicate JSON keys, named pipes as the document
// or as a $ref target; and credentials in a document, which get the same placeholders on every import.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importApiDocument } from '../../../../src/main/openapi/import';
import { SystemImports } from '../../../../src/main/openapi/system-import';
import { getStoredDocument } from '../../../../src/main/openapi/systems';
import { createWorkspace } from '../../../../src/main/workspace/workspace';
import { tempDir } from '../../../helpers/temp';

function write(dir: string, name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('duplicate keys in JSON', () => {
  it('refuses them with the line and column of the second one', async () => {
    const file = write(
      tempDir(),
      'dup.json',
      '{\n  "openapi": "3.0.3",\n  "info": {"title": "T", "version": "1"},\n  "paths": {},\n  "components": {"schemas": {\n    "Thing": {"type": "object"},\n    "Thing": {"type": "string"}\n  }}\n}\n',
    );
    await expect(importApiDocument(file, { validation: false })).rejects.toThrow(
      `${file} is not valid JSON at line 7, column 5 (the key "Thing" appears twice in the same object): remove or rename one of them.`,
    );
  });

  it('refuses a duplicate whose key is written with an escape', async () => {
    const file = write(tempDir(), 'dup-escaped.json', '{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}, "x-a": 1, "x-\\u0061": 2}');
    await expect(importApiDocument(file, { validation: false })).rejects.toThrow(/is not valid JSON at line 1, column \d+ \(the key "x-a" appears twice in the same object\)/);
  });

  it('keeps accepting the same key in different objects', async () => {
    const file = write(
      tempDir(),
      'same-key.json',
      JSON.stringify({ openapi: '3.0.3', info: { title: 'T', version: '1' }, paths: {}, components: { schemas: { A: { properties: { id: { type: 'string' } } }, B: { properties: { id: { type: 'string' } } } } } }),
    );
    await expect(importApiDocument(file, { validation: false })).resolves.toMatchObject({ status: 'imported', format: 'json' });
  });
});

const canMakeFifo = process.platform !== 'win32';

describe.skipIf(!canMakeFifo)('named pipes', { timeout: 10_000 }, () => {
  it('refuses a named pipe as the document without waiting for a writer', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'api.json');
    execFileSync('mkfifo', [fifo]);
    await expect(importApiDocument(fifo, { validation: false })).rejects.toThrow(
      `${fifo} is not a regular file (it is a named pipe): choose the API document file itself (JSON or YAML).`,
    );
  });

  it('refuses a named pipe as a $ref target without waiting for a writer', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [path.join(dir, 'schemas.yaml')]);
    const file = write(
      dir,
      'api.yaml',
      'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Thing: {$ref: "./schemas.yaml#/Thing"}\n',
    );
    const real = fs.realpathSync(dir);
    await expect(importApiDocument(file, { validation: false })).rejects.toThrow(
      `${path.join(real, 'api.yaml')} refers to "./schemas.yaml#/Thing" (at #/components/schemas/Thing), but ${path.join(real, 'schemas.yaml')} is not a regular file: a $ref must point at a JSON or YAML file; fix the reference.`,
    );
  });
});

describe('credentials in a document imported again', () => {
  it('get the same placeholders, so re-importing from the same place shows no change', async () => {
    const dir = tempDir();
    const file = write(
      dir,
      'api.yaml',
      'openapi: 3.0.3\ninfo: {title: T, version: "1"}\nservers:\n  - url: https://svc:Pw-planted-95@api.example/v1?api_key=Key-planted-96\npaths: {}\n',
    );
    const workspace = createWorkspace(path.join(dir, 'w.crosswalk'), 'W');
    try {
      const imports = new SystemImports();
      const imported = await imports.import(workspace, 'API', { kind: 'file', path: file });
      if (imported.status !== 'imported') throw new Error('needs consent');
      expect(imported.removedCredentials).toEqual(['server_username', 'server_password', 'api_key']);
      expect(getStoredDocument(workspace, imported.system.id).text).toContain('- url: https://{{server_username}}:{{server_password}}@api.example/v1?api_key={{api_key}}\n');
      const preview = await imports.previewReimport(workspace, imported.system.id, { kind: 'file', path: file });
      if (preview.status !== 'ready') throw new Error('needs consent');
      expect(preview.diff.servers).toMatchObject({ added: [], removed: [], changed: [] });
      await imported.validation;
    } finally {
      workspace.close();
    }
  });
});
