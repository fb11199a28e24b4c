// Migration 8: a workspace made before credentials were removed on import, with credentials planted in
// its stored documents and a kept previous version (some of it still only in the WAL), holds none of
// them in its bytes afterwards — file and WAL; only the backup taken before migrating still does.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SystemImports } from '../../../src/main/openapi/system-import';
import { getStoredDocument } from '../../../src/main/openapi/systems';
import { openWorkspace } from '../../../src/main/workspace/workspace';
import { tempDir } from '../../helpers/temp';

const fixture = path.resolve(__dirname, '../../fixtures/workspaces/v4-demo.crosswalk');
const PASSWORD = 'PlantedPass-81';
const KEY = 'PlantedKey-82';
const VERSION_PASSWORD = 'PlantedOld-83';
const planted = [PASSWORD, KEY, VERSION_PASSWORD];

const bytesOf = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file).toString('latin1') : '');

describe('migration 8', () => {
  it('replaces credentials in stored documents and kept versions by placeholders, leaving no old bytes in the file or its WAL', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v4-demo.crosswalk');
    fs.copyFileSync(fixture, file);

    // Planted as an import before the fix stored them; this connection stays open so that the last
    // changes are still in the WAL when the migration runs.
    const planter = new Database(file);
    planter.pragma('journal_mode = WAL');
    planter.pragma('wal_autocheckpoint = 0');
    planter
      .prepare('UPDATE system SET document = replace(document, ?, ?) WHERE id = 1')
      .run('https://api.acme-crm.example/v2', `https://svc-user:${PASSWORD}@api.acme-crm.example/v2?api_key=${KEY}`);
    planter
      .prepare(
        `INSERT INTO system_version (system_id, title, api_version, spec_version, format, source, document, files, bundle, imported_at, replaced_at)
         SELECT id, title, api_version, spec_version, format, ?, replace(document, ?, ?), files, bundle, imported_at, imported_at FROM system WHERE id = 2`,
      )
      .run(
        `https://old-user:${VERSION_PASSWORD}@specs.example/accounting.json`,
        '"host": "sandbox.ledgerly.example"',
        `"host": "sandbox.ledgerly.example", "x-spec": "https://old-user:${VERSION_PASSWORD}@specs.example/accounting.json"`,
      );
    expect(bytesOf(`${file}-wal`)).toContain(PASSWORD);

    const workspace = await openWorkspace(file);
    try {
      const stored = getStoredDocument(workspace, 1);
      expect(stored.text).toContain('- url: https://{{server_username}}:{{server_password}}@api.acme-crm.example/v2?api_key={{api_key}}');
      // Everything else is as it was written.
      expect(stored.text).toContain('https://sandbox.api.acme-crm.example/v2');
      const version = workspace.read((db) => db.prepare('SELECT source, document FROM system_version').get() as { source: string; document: string });
      expect(version.source).toBe('https://{{server_username}}:{{server_password}}@specs.example/accounting.json');
      expect(JSON.parse(version.document)).toMatchObject({ swagger: '2.0', host: 'sandbox.ledgerly.example', 'x-spec': version.source });
      const catalogue = await new SystemImports().catalogue(workspace, 1);
      expect(catalogue.servers.map((server) => server.url)).toContain('https://{{server_username}}:{{server_password}}@api.acme-crm.example/v2?api_key={{api_key}}');

      for (const secret of planted) {
        expect(bytesOf(file).includes(secret), `${secret} in the file`).toBe(false);
        expect(bytesOf(`${file}-wal`).includes(secret), `${secret} in the WAL`).toBe(false);
      }
    } finally {
      workspace.close();
      planter.close();
    }
    for (const secret of planted) {
      expect(bytesOf(file).includes(secret), `${secret} in the closed file`).toBe(false);
      expect(bytesOf(`${file}-wal`).includes(secret), `${secret} in the closed WAL`).toBe(false);
    }
    // The backup taken before migrating is the file as it was: it still holds them.
    const backups = fs.readdirSync(dir).filter((name) => name.endsWith('.backup'));
    expect(backups).toHaveLength(1);
    expect(bytesOf(path.join(dir, backups[0]!))).toContain(PASSWORD);
  });
});
