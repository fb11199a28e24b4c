// A large document is parsed and catalogued by the reading worker (the event loop stays free); what the
// import answers is the same as when it is read inline.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importApiDocument, type ImportOptions } from '../../../../src/main/openapi/import';
import { WorkerRunner } from '../../../../src/main/platform/workers/runner';
import { demoDocument } from '../../../helpers/cli';
import { withStatus } from '../../../helpers/narrow';
import { tempDir } from '../../../helpers/temp';

const runner = new WorkerRunner();
afterAll(() => runner.stopAll());

const READER = 'openapi/load/read-document.worker';
const offThread: ImportOptions = { workers: runner, readOffThreadFrom: 0 };
const inline: ImportOptions = { workers: runner, readOffThreadFrom: Number.MAX_SAFE_INTEGER };

async function both(file: string, options: ImportOptions = {}) {
  const read = withStatus(await importApiDocument(file, { ...offThread, ...options }), 'imported');
  const parsed = withStatus(await importApiDocument(file, { ...inline, ...options }), 'imported');
  return { read, parsed };
}

describe('reading a document in a worker', { timeout: 60_000 }, () => {
  it('answers as the inline import does, for YAML and JSON, with validation and positions', async () => {
    for (const name of ['crm.openapi.yaml', 'accounting.swagger.json']) {
      const { read, parsed } = await both(demoDocument(name));
      expect(runner.workers().some((worker) => worker.entry === READER)).toBe(true);
      expect(read.catalogue).toEqual(parsed.catalogue);
      expect([read.text, read.format, read.openapiVersion, read.title, read.version]).toEqual([parsed.text, parsed.format, parsed.openapiVersion, parsed.title, parsed.version]);
      expect(read.document).toEqual(parsed.document);
      expect(await read.validation).toMatchObject({ valid: (await parsed.validation).valid, errors: (await parsed.validation).errors });
    }
  });

  it('defers fields in outline mode and flattens them on demand', async () => {
    const { read, parsed } = await both(demoDocument('crm.openapi.yaml'), { catalogue: 'outline', validation: false });
    expect(read.catalogue).toEqual(parsed.catalogue);
    expect(read.entity('schema:Order')).toEqual(parsed.entity('schema:Order'));
  });

  it('replaces credentials and refuses bad input with the same messages', async () => {
    const dir = tempDir();
    const secret = path.join(dir, 'secret.json');
    fs.writeFileSync(secret, JSON.stringify({ openapi: '3.0.3', info: { title: 'S', version: '1' }, servers: [{ url: 'https://u:Pw-planted-91@h.example/v1' }], paths: {} }));
    const { read, parsed } = await both(secret, { validation: false });
    expect(read.removedCredentials).toEqual(['server_username', 'server_password']);
    expect(read.text).toBe(parsed.text);
    expect(read.text).not.toContain('Pw-planted-91');

    const cases = {
      'dup.json': '{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}, "paths": {}}',
      'not-api.json': '{"type": "object"}',
      'old.json': '{"swagger": "1.2"}',
      'list.yaml': '- a\n- b\n',
    };
    for (const [name, content] of Object.entries(cases)) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      const inlineError = await importApiDocument(file, { ...inline, validation: false }).catch((error: Error) => error.message);
      await expect(importApiDocument(file, { ...offThread, validation: false }), name).rejects.toThrow(inlineError as string);
    }
  });

  it('leaves a document that references other files to the main thread', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pet.yaml'), 'Pet:\n  type: object\n  properties:\n    name: { type: string }\n');
    fs.writeFileSync(path.join(dir, 'api.yaml'), 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {$ref: "./pet.yaml#/Pet"}\n');
    const { read, parsed } = await both(path.join(dir, 'api.yaml'), { validation: false });
    expect(read.files).toEqual(parsed.files);
    expect(read.catalogue).toEqual(parsed.catalogue);
  });
});
