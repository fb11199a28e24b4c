import type { CodeMigration } from './migration';

/**
 * Pairings of a rooted flow take paths relative to the flow's roots, like its other rows. Before this
 * step a pairing made by hand in a rooted flow, and the element rows under it, kept the entity's full
 * paths (`Employee.Items[]` where the target root is `Employee`): they lose the root's prefix here.
 */
export const rootedPairingPaths: CodeMigration = {
  version: 13,
  name: "rooted flows' pairings take paths relative to the roots",
  id: 'rooted-pairing-paths-v1',
  run(db) {
    const strip = (root: string, path: string) => (root !== '' && path.startsWith(`${root}.`) ? path.slice(root.length + 1) : path);
    const flows = db.prepare("SELECT id, source_root, target_root FROM data_flow WHERE source_root <> '' OR target_root <> ''").all() as Array<{ id: number; source_root: string; target_root: string }>;
    const pairings = db.prepare('SELECT id, target_path, source_path FROM array_pairing WHERE flow_id = ?');
    const setPairing = db.prepare('UPDATE array_pairing SET target_path = ?, source_path = ? WHERE id = ?');
    const rows = db.prepare('SELECT id, target_path, source_paths FROM field_mapping WHERE pairing_id = ?');
    const setRow = db.prepare('UPDATE field_mapping SET target_path = ?, source_paths = ? WHERE id = ?');
    for (const flow of flows) {
      for (const pairing of pairings.all(flow.id) as Array<{ id: number; target_path: string; source_path: string }>) {
        setPairing.run(strip(flow.target_root, pairing.target_path), strip(flow.source_root, pairing.source_path), pairing.id);
        for (const row of rows.all(pairing.id) as Array<{ id: number; target_path: string; source_paths: string }>) {
          const sources = (JSON.parse(row.source_paths) as string[]).map((source) => strip(flow.source_root, source));
          setRow.run(strip(flow.target_root, row.target_path), JSON.stringify(sources), row.id);
        }
      }
    }
  },
};
