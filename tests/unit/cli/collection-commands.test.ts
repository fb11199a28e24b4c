// crosswalk import-collection / export-collection: a real public collection in, the system's requests out as
// collection v2.1, secret values left out unless --include-secrets, and never stored in plain text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crosswalk, repositoryRoot } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const wise = path.join(repositoryRoot, 'tests/fixtures/postman/wise-cards-api/Cards API.postman_collection.json');
const TOKEN = 'pm-PLAIN-token-8c1f2e';

describe('collections on the command line', () => {
  it('imports a public collection and one with a literal token, and exports them without secret values unless asked', () => {
    const dir = tempDir();
    const home = tempDir();
    const workspace = path.join(dir, 'w.crosswalk');
    expect(crosswalk(['demo', workspace], home).status).toBe(0);

    const wiseImport = crosswalk(['import-collection', workspace, 'CRM', wise], home);
    expect(wiseImport.stderr).toBe('');
    expect(wiseImport.stdout).toMatch(/^Imported 42 requests in 11 folders into CRM; \d+ variables \(\d+ secret, sealed\)/);

    const own = path.join(dir, 'own.json');
    fs.writeFileSync(
      own,
      JSON.stringify({
        info: { name: 'Own', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        item: [{ name: 'Ping', request: { method: 'GET', url: 'https://api.example.com/ping', header: [{ key: 'Authorization', value: `Bearer ${TOKEN}` }] } }],
      }),
    );
    expect(crosswalk(['import-collection', workspace, 'CRM', own], home).status).toBe(0);
    for (const suffix of ['', '-wal']) if (fs.existsSync(workspace + suffix)) expect(fs.readFileSync(workspace + suffix).includes(TOKEN)).toBe(false);

    const listed = JSON.parse(crosswalk(['requests', workspace, '--json'], home).stdout) as Array<{ name: string }>;
    expect(listed.length).toBe(43);

    const out = path.join(dir, 'out.json');
    const exported = crosswalk(['export-collection', workspace, 'CRM', out], home);
    expect(exported.stdout).toBe(`Wrote 43 requests of CRM to ${out}, without secret values.\n`);
    const collection = JSON.parse(fs.readFileSync(out, 'utf8')) as { info: { schema: string }; item: unknown[] };
    expect(collection.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(fs.readFileSync(out, 'utf8')).not.toContain(TOKEN);

    // The import moved the literal token into a secret variable of the environment named after the collection.
    expect(crosswalk(['export-collection', workspace, 'CRM', out, '--env', 'Own'], home).status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).not.toContain(TOKEN);
    expect(crosswalk(['export-collection', workspace, 'CRM', out, '--env', 'Own', '--include-secrets'], home).status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain(TOKEN);

    const bad = crosswalk(['import-collection', workspace, 'CRM', path.join(dir, 'missing.json')], home);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('Cannot read');
  });
});
