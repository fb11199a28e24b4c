// The safe-reference policy: files outside the document's folder tree and anything on the network are
// listed, not read, until the analyst consents.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importApiDocument } from '../../../../src/main/openapi/import';
import { tempDir } from '../../../helpers/temp';

const fixtures = path.resolve(__dirname, '../../../fixtures/openapi/import');

describe('references outside the folder or on the network', () => {
  const rootFile = path.join(fixtures, 'outside-refs/api/openapi.yaml');
  const outsideFile = path.join(fixtures, 'outside-refs/outside.yaml');

  it('lists every disallowed reference and reads none of them', async () => {
    const result = await importApiDocument(rootFile);
    expect(result.status).toBe('needs-consent');
    if (result.status !== 'needs-consent') return;
    expect(result.refs).toEqual([
      { ref: '../outside.yaml#/Thing', from: `${rootFile}#/components/schemas/Thing`, kind: 'outside-folder', target: outsideFile },
      { ref: 'https://example.invalid/x.json#/Remote', from: `${rootFile}#/components/schemas/Remote`, kind: 'remote', target: 'https://example.invalid/x.json' },
    ]);
    expect(result.message).toBe(
      `${rootFile} refers to 2 documents outside its folder or on another server (../outside.yaml#/Thing, https://example.invalid/x.json#/Remote): allow them to import the document, or remove the references.`,
    );
  });

  it('follows an outside file the analyst allowed, and still lists the remote one', async () => {
    const partly = await importApiDocument(rootFile, { allowRefs: [outsideFile] });
    expect(partly.status).toBe('needs-consent');
    if (partly.status !== 'needs-consent') return;
    expect(partly.refs.map((ref) => ref.kind)).toEqual(['remote']);
  });

  it('imports once every reference is allowed (a file by its path), and says what was followed', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'api'));
    fs.writeFileSync(
      path.join(dir, 'api/openapi.yaml'),
      'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Thing: {$ref: "../shared/thing.yaml#/Thing"}\n',
    );
    fs.mkdirSync(path.join(dir, 'shared'));
    fs.copyFileSync(outsideFile, path.join(dir, 'shared/thing.yaml'));
    const target = path.join(fs.realpathSync(dir), 'shared/thing.yaml');
    const first = await importApiDocument(path.join(dir, 'api/openapi.yaml'));
    expect(first).toMatchObject({ status: 'needs-consent', refs: [{ ref: '../shared/thing.yaml#/Thing', kind: 'outside-folder', target }] });

    const result = await importApiDocument(path.join(dir, 'api/openapi.yaml'), { allowRefs: [target] });
    expect(result.status).toBe('imported');
    if (result.status !== 'imported') return;
    expect(result.followedRefs).toEqual([{ ref: '../shared/thing.yaml#/Thing', from: expect.stringContaining('#/components/schemas/Thing'), kind: 'outside-folder', target }]);
    expect(result.files.map((file) => file.location)).toEqual([target]);
    expect(result.catalogue.entities.find((entity) => entity.id === 'schema:Thing')?.fields.map((field) => field.path)).toEqual(['label']);
    expect((await result.validation).valid).toBe(true);

    // allowAll does the same; and the ref as written also names it
    expect((await importApiDocument(path.join(dir, 'api/openapi.yaml'), { allowAll: true })).status).toBe('imported');
    expect((await importApiDocument(path.join(dir, 'api/openapi.yaml'), { allowRefs: ['../shared/thing.yaml#/Thing'] })).status).toBe('imported');
  });

  it('treats a symlink that leads out of the folder as outside', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'api'));
    fs.writeFileSync(path.join(dir, 'secret.yaml'), 'Secret: {type: string}\n');
    fs.symlinkSync(path.join(dir, 'secret.yaml'), path.join(dir, 'api/link.yaml'));
    fs.writeFileSync(path.join(dir, 'api/openapi.yaml'), 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    S: {$ref: "link.yaml#/Secret"}\n');
    const result = await importApiDocument(path.join(dir, 'api/openapi.yaml'));
    expect(result).toMatchObject({ status: 'needs-consent', refs: [{ ref: 'link.yaml#/Secret', kind: 'outside-folder' }] });
  });

  it('treats an absolute path outside the folder as outside, and a symlinked root by its real folder', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'real'));
    fs.writeFileSync(path.join(dir, 'real/openapi.yaml'), `openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    P: {$ref: "${path.join(fixtures, 'outside-refs/outside.yaml')}#/Thing"}\n`);
    fs.symlinkSync(path.join(dir, 'real/openapi.yaml'), path.join(dir, 'link.yaml'));
    const result = await importApiDocument(path.join(dir, 'link.yaml'));
    expect(result).toMatchObject({ status: 'needs-consent', refs: [{ kind: 'outside-folder', target: path.join(fixtures, 'outside-refs/outside.yaml') }] });
    if (result.status === 'needs-consent') expect(result.source.location).toBe(path.join(fs.realpathSync(dir), 'real/openapi.yaml'));
  });

  it('refuses reference schemes it cannot follow', async () => {
    await expect(
      importApiDocument({ text: 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents: {schemas: {A: {$ref: "ftp://example.com/a.yaml"}}}\n' }),
    ).rejects.toThrow('The pasted text has a reference "ftp://example.com/a.yaml" (at #/components/schemas/A) using "ftp:", which Crosswalk cannot follow');
  });
});
