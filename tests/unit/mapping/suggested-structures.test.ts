// A new flow's sheet holds the engine's structures (issue 15 item 3): an array pairing proposed as `suggested`
// with its element rows under it, which the analyst accepts or removes, and split rows (one source → given
// and family name) of type split whose transformation says "split" and gives the pseudocode.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowProgram } from '../../../src/main/mapping/expressions/generate';
import { openNewSession } from '../../helpers/handlers';
import { present, withStatus } from '../../helpers/narrow';

const fixture = (file: string) => path.resolve(__dirname, '../../fixtures/openapi/structures', file);

async function shopToBooks() {
  const opened = openNewSession('Shop to Books');
  for (const [name, file] of [['Shop', 'shop.openapi.json'], ['Books', 'books.openapi.json']] as const) withStatus(await opened.call('systems.import', { name, source: { kind: 'file', path: fixture(file) } }), 'imported');
  const flow = await opened.call('flows.create', { source: { system: 'Shop', entity: 'Order' }, target: { system: 'Books', entity: 'Invoice' } });
  return { ...opened, flow };
}

describe('structures suggested in a new flow’s sheet', () => {
  it('proposes the array pairing as suggested, its element rows under it; accepting keeps them, removing frees them', async () => {
    const { session, call, flow } = await shopToBooks();
    const sheet = await call('mapping.sheet', { flowId: flow.id });
    expect(sheet.pairings).toEqual([expect.objectContaining({ targetPath: 'Lines[]', sourcePath: 'items.data[]', status: 'suggested', notes: expect.stringMatching(/^array pairing: 4 of 4 element fields/) })]);
    const pairing = sheet.pairings[0]!;
    expect(pairing.confidence).toBeGreaterThan(0.5);
    const elementRows = sheet.rows.filter((row) => row.targetPath.startsWith('Lines[].'));
    expect(elementRows.map((row) => row.pairingId)).toEqual(elementRows.map(() => pairing.id));
    expect(present(elementRows.find((row) => row.targetPath === 'Lines[].Quantity'), 'Quantity row')).toMatchObject({ sourcePaths: ['items.data[].quantity'], status: 'suggested' });

    const accepted = await call('mapping.updatePairing', { pairingId: pairing.id, status: 'accepted' });
    expect(accepted.pairing).toMatchObject({ status: 'accepted' });
    expect(accepted.rows).toHaveLength(elementRows.length);

    const removed = await call('mapping.deletePairing', { pairingId: pairing.id });
    expect(removed.pairings).toEqual([]);
    expect(removed.rows.filter((row) => row.targetPath.startsWith('Lines[].')).map((row) => row.pairingId)).toEqual(elementRows.map(() => null));
    session.close();
  });

  it('fills given and family name from one full name as split rows with the pseudocode', async () => {
    const { session, call, flow } = await shopToBooks();
    const { rows } = await call('mapping.sheet', { flowId: flow.id });
    const given = present(rows.find((row) => row.targetPath === 'Contact.FirstName'), 'FirstName row');
    const family = present(rows.find((row) => row.targetPath === 'Contact.LastName'), 'LastName row');
    expect(given).toMatchObject({ sourcePaths: ['customer.full_name'], mappingType: 'split', status: 'suggested' });
    expect(given.transformation).toMatch(/^split: full_name \(a full name\) → given name; words = split\(name, " "\); given = words\[0\]$/);
    expect(family).toMatchObject({ sourcePaths: ['customer.full_name'], mappingType: 'split' });
    expect(family.transformation).toMatch(/^split: full_name \(a full name\) → family name; /);
    // It runs: the given name is the first word, the family name the rest, in whichever order the rows come.
    const preview = await call('mapping.preview', { flowId: flow.id, payload: { kind: 'json', text: JSON.stringify({ customer: { full_name: 'Ada King Lovelace' } }) } });
    expect(preview.target).toMatchObject({ Contact: { FirstName: 'Ada', LastName: 'King Lovelace' } });
    const reversed = flowProgram([family, given], undefined).expressions;
    expect(reversed.map((each) => each.expression)).toEqual([expect.stringContaining('$join'), expect.stringMatching(/\[0\]$/)]);
    // Rejecting a split moves on to the next candidate (none here) and takes the split's pseudocode with it.
    const rejected = await call('mapping.decide', { rowId: given.id, decision: 'reject' });
    expect(rejected).toMatchObject({ sourcePaths: [], transformation: '', status: 'needs_decision' });
    session.close();
  });
});
