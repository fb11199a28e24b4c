import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNewSession } from '../../../helpers/handlers';
import { withStatus } from '../../../helpers/narrow';
import { tempDir } from '../../../helpers/temp';

const multiFile = path.resolve(__dirname, '../../../fixtures/openapi/import/multi-file');
const outsideRefs = path.resolve(__dirname, '../../../fixtures/openapi/import/outside-refs');

/** A folder's files as the browser's folder input gives them: relative paths under the folder's name. */
function folderFiles(folder: string) {
  const files: Array<{ path: string; content: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push({ path: path.relative(path.dirname(folder), full).split(path.sep).join('/'), content: fs.readFileSync(full).toString('base64') });
    }
  };
  walk(folder);
  return files;
}

const crosswalkUploads = () => fs.readdirSync(process.env.TMPDIR ?? '/tmp').filter((name) => name.startsWith('crosswalk-upload-') || name.startsWith('crosswalk-zip-'));

describe('a document uploaded from the browser', () => {
  it('imports a folder with relative $refs, records it as uploaded, and leaves no temporary files', async () => {
    const before = crosswalkUploads();
    const { session, call } = openNewSession('Uploads');
    const result = withStatus(await call('systems.import', { name: 'Orders', source: { kind: 'upload', root: 'multi-file/api/v1/openapi.yaml', files: folderFiles(multiFile) } }), 'imported');
    expect(result.system.source).toBe('uploaded multi-file/api/v1/openapi.yaml');
    const catalogue = await call('systems.catalogue', { id: result.system.id });
    expect(catalogue.entities.map((entity) => entity.name)).toContain('Order');
    expect(crosswalkUploads()).toEqual(before);
    session.close();
  });

  it('imports a zip of the folder, finding the document itself', async () => {
    const zip = path.join(tempDir(), 'api.zip');
    execFileSync('python3', ['-c', 'import shutil,sys; shutil.make_archive(sys.argv[1][:-4], "zip", sys.argv[2])', zip, path.join(multiFile, 'api', 'v1')]);
    const { session, call } = openNewSession('Uploads');
    const result = withStatus(await call('systems.import', { name: 'Orders', source: { kind: 'upload', root: '', files: [{ path: 'api.zip', content: fs.readFileSync(zip).toString('base64') }] } }), 'imported');
    expect(result.system.source).toBe('uploaded openapi.yaml');
    session.close();
  });

  it('says a single file whose $refs need other files needs the folder, a zip or the path option', async () => {
    const { session, call } = openNewSession('Uploads');
    const root = fs.readFileSync(path.join(multiFile, 'api', 'v1', 'openapi.yaml')).toString('base64');
    await expect(call('systems.import', { name: 'Orders', source: { kind: 'upload', root: '', files: [{ path: 'openapi.yaml', content: root }] } })).rejects.toThrow(
      /openapi\.yaml refers to other files that were not uploaded.*Upload the folder.*or a zip of it; or use the File path option/s,
    );
    // The message names the file as uploaded, never the host's temporary folder.
    await expect(call('systems.import', { name: 'Orders', source: { kind: 'upload', root: '', files: [{ path: 'openapi.yaml', content: root }] } })).rejects.not.toThrow(/crosswalk-upload-/);
    expect(await call('systems.list', {})).toEqual([]);
    session.close();
  });

  it('refuses paths that leave the upload and references to files outside it, storing nothing', async () => {
    const { session, call } = openNewSession('Uploads');
    const text = Buffer.from('openapi: 3.0.0\ninfo: {title: x, version: "1"}\npaths: {}\n').toString('base64');
    await expect(call('systems.import', { name: 'X', source: { kind: 'upload', root: '', files: [{ path: '../evil.yaml', content: text }] } })).rejects.toThrow(/path outside the upload/);
    const api = folderFiles(path.join(outsideRefs, 'api'));
    await expect(call('systems.import', { name: 'X', source: { kind: 'upload', root: '', files: api } })).rejects.toThrow(/refers to files outside what was uploaded/);
    expect(await call('systems.list', {})).toEqual([]);
    session.close();
  });
});
