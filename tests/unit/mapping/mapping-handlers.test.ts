import { describe, expect, it } from 'vitest';
import { ALTERNATIVE_THRESHOLD } from '../../../src/main/mapping/suggest';
import { openDemoSession } from '../../helpers/handlers';
import { present } from '../../helpers/narrow';

describe('flows and mapping through the handler table', () => {
  it('creates a flow with outcomes and one row per target leaf, suggestions first', async () => {
    const { session, call } = await openDemoSession();
    const flow = await call('flows.create', {
      source: { system: 'CRM', entity: 'Order' },
      target: { system: 'Accounting', entity: 'schema:Invoice' },
      useCase: 'Invoice confirmed orders',
      trigger: { kind: 'event', detail: 'orderConfirmed' },
      outcomes: [{ kind: 'success', condition: 'Invoice created', handling: 'Store its id' }, { kind: 'failure', condition: 'Contact missing', handling: 'Create it, retry' }],
    });
    expect(flow).toMatchObject({ name: 'Order to Invoice', source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' }, useCase: 'Invoice confirmed orders' });
    expect(flow.outcomes.map((o) => [o.kind, o.condition])).toEqual([['success', 'Invoice created'], ['failure', 'Contact missing']]);
    expect(await call('flows.get', { id: flow.id })).toEqual(flow);

    const sheet = await call('mapping.sheet', { flowId: flow.id });
    const invoice = await call('systems.entity', { id: 2, entity: 'schema:Invoice' });
    expect(sheet.rows.map((r) => r.targetPath)).toEqual(invoice.fields.filter((f) => f.leaf).map((f) => f.path));
    expect(new Set(sheet.rows.map((r) => r.mapId)).size).toBe(sheet.rows.length);
    const suggested = sheet.rows.filter((r) => r.status === 'suggested');
    expect(suggested.length).toBeGreaterThan(0);
    for (const r of suggested) {
      expect(r).toMatchObject({ sourcePaths: [expect.any(String)], confidence: expect.any(Number) });
      // An enumeration whose values differ between the systems is a lookup through its suggested value map.
      expect(r.mappingType).toBe(r.valueMap.some((entry) => entry.source !== entry.target) ? 'lookup' : 'direct');
    }
    expect(sheet.rows.find((r) => r.targetPath === 'status')).toMatchObject({ mappingType: 'lookup', valueMap: expect.arrayContaining([{ source: 'confirmed', target: 'AUTHORISED' }]) });
    // Every other row awaits a decision, without a source: issue_date among them (no candidate in the CRM's Order).
    const needsDecision = sheet.rows.filter((r) => r.status === 'needs_decision');
    expect(suggested.length + needsDecision.length).toBe(sheet.rows.length);
    expect(needsDecision.map((r) => r.targetPath)).toContain('issue_date');
    for (const r of needsDecision) expect(r).toMatchObject({ sourcePaths: [], confidence: null });
    expect(sheet.completeness).toBe(0);
    expect((await call('mapping.checks', { flowId: flow.id })).checks.some((c) => c.kind === 'required_unmapped' && c.targetPath === 'issue_date')).toBe(true);
    session.close();
  });

  it('refuses unknown entities naming near matches, and duplicate names', async () => {
    const { session, call, refused } = await openDemoSession();
    await expect(call('flows.create', { source: { system: 'CRM', entity: 'Line' }, target: { system: 'Accounting', entity: 'Invoice' } })).rejects.toThrow(
      /ENTITY_NOT_FOUND: System CRM has no entity named "Line": did you mean "OrderLine"\?/,
    );
    await expect(call('flows.create', { source: { system: 'ERP', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' } })).rejects.toThrow(/SYSTEM_NOT_FOUND.*"CRM", "Accounting"/);
    await expect(call('flows.create', { name: 'Orders to invoices', source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' } })).rejects.toThrow(/FLOW_EXISTS/);
    expect(await refused('flows.create', { source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' }, extra: 1 })).toMatchObject({ code: 'INVALID_INPUT' });
    session.close();
  });

  it('accepts, rejects for good, bulk-accepts and updates rows', async () => {
    const { session, call, refused } = await openDemoSession();
    const flow = await call('flows.create', { source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' } });
    const { rows } = await call('mapping.sheet', { flowId: flow.id });
    const suggestedRows = rows.filter((r) => r.status === 'suggested');
    const [first, second] = [present(suggestedRows[0], 'a suggested row'), present(suggestedRows[1], 'a second suggested row')];

    const accepted = await call('mapping.decide', { rowId: first.id, decision: 'accept' });
    expect(accepted).toMatchObject({ status: 'accepted', sourcePaths: first.sourcePaths, mapId: first.mapId });

    const rejected = await call('mapping.decide', { rowId: second.id, decision: 'reject' });
    expect(rejected).toMatchObject({ status: 'needs_decision', sourcePaths: [], confidence: null });
    // A new flow between the same entities never suggests the rejected pair again.
    const again = await call('flows.create', { name: 'Again', source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' } });
    const againRow = present((await call('mapping.sheet', { flowId: again.id })).rows.find((r) => r.targetPath === second.targetPath), 'the row in the new flow');
    expect(againRow.sourcePaths).not.toContain(second.sourcePaths[0]);

    // The bulk accept takes exactly the suggestions still open at 0.8 or above (but those a check shows
    // an error on), and leaves those below.
    const open = rows.filter((r) => r.status === 'suggested' && r.id !== first.id && r.id !== second.id);
    const bulk = await call('mapping.acceptAbove', { flowId: flow.id, threshold: 0.8 });
    expect(bulk.accepted).toBeGreaterThan(0);
    expect(bulk.accepted + bulk.skipped.length).toBe(open.filter((r) => (r.confidence ?? 0) >= 0.8).length);
    const kept = new Set(bulk.skipped.map((r) => r.rowId));
    const below = bulk.rows.filter((r) => r.status === 'suggested' && !kept.has(r.id));
    expect(below.map((r) => r.targetPath)).toEqual(open.filter((r) => (r.confidence ?? 0) < 0.8).map((r) => r.targetPath));
    expect(below.length).toBeGreaterThan(0);
    for (const r of below) expect(r.confidence).toBeLessThan(0.8);

    const target = present(bulk.rows.find((r) => r.targetPath === 'issue_date'), 'the issue_date row');
    const updated = await call('mapping.updateRow', {
      rowId: target.id, sourcePaths: ['confirmedAt', 'createdAt'], transformation: 'Date part of confirmedAt', notes: 'n', owner: 'Finance', condition: 'status = confirmed', status: 'accepted',
    });
    expect(updated).toMatchObject({ sourcePaths: ['confirmedAt', 'createdAt'], mappingType: 'concatenation', status: 'accepted', confidence: null, condition: 'status = confirmed', owner: 'Finance' });
    const sheet = await call('mapping.sheet', { flowId: flow.id });
    expect((await call('mapping.checks', { flowId: flow.id })).checks.some((c) => c.targetPath === 'issue_date' && c.kind === 'required_unmapped')).toBe(false);
    expect(sheet.completeness).toBeGreaterThan(0);

    const empty = present(sheet.rows.find((r) => r.sourcePaths.length === 0 && r.status === 'needs_decision'), 'a row without a source');
    await expect(call('mapping.decide', { rowId: empty.id, decision: 'accept' })).rejects.toThrow(/NOTHING_TO_ACCEPT/);
    await expect(call('mapping.acceptAbove', { flowId: flow.id, threshold: 1.5 })).rejects.toThrow(/INVALID_INPUT/);
    expect(await refused('mapping.updateRow', { rowId: target.id, mappingType: 'guess' })).toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call('mapping.decide', { rowId: 999999, decision: 'accept' })).rejects.toThrow(/MAPPING_NOT_FOUND/);
    session.close();
  });

  it('materialises rows for a flow that has none (the demo flows) and suggests value maps for enum rows', async () => {
    const { session, call } = await openDemoSession();
    const demoFlow = present((await call('flows.list', {})).find((f) => f.name === 'Orders to invoices'), 'the demo flow');
    const sheet = await call('mapping.sheet', { flowId: demoFlow.id });
    expect(sheet.rows.length).toBeGreaterThan(10);
    expect((await call('mapping.sheet', { flowId: demoFlow.id })).rows).toEqual(sheet.rows);
    const status = present(sheet.rows.find((r) => r.targetPath === 'status'), 'the status row');
    await call('mapping.updateRow', { rowId: status.id, sourcePaths: ['status'] });
    const values = await call('mapping.suggestValueMap', { rowId: status.id });
    expect(values.length).toBeGreaterThan(0);
    expect(values[0]).toMatchObject({ source: expect.any(String), score: expect.any(Number), reason: expect.any(String) });
    session.close();
  });

  it('lists every target leaf with live candidates and reasons, and forgets rejected pairs', async () => {
    const { session, call, refused } = await openDemoSession();
    const demoFlow = present((await call('flows.list', {})).find((f) => f.name === 'Orders to invoices'), 'the demo flow');
    const sheet = await call('mapping.sheet', { flowId: demoFlow.id });
    expect(sheet.rows.length).toBeGreaterThan(10);
    expect(sheet.rows.every((r) => r.review === null)).toBe(true);
    const suggestions = await call('mapping.suggestions', { flowId: demoFlow.id });
    expect(suggestions.map((s) => s.target)).toEqual(sheet.rows.map((r) => r.targetPath));
    const suggested = present(sheet.rows.find((r) => r.status === 'suggested'), 'a suggested row');
    const entry = present(suggestions.find((s) => s.target === suggested.targetPath), 'its suggestion');
    // The row was filled from the best candidate: its source and its score.
    expect(entry.candidates[0]).toMatchObject({ source: suggested.sourcePaths[0], score: suggested.confidence, reasons: expect.arrayContaining([expect.any(String)]) });
    const scores = entry.candidates.map((candidate) => candidate.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) {
      expect(score).toBeGreaterThanOrEqual(ALTERNATIVE_THRESHOLD);
      expect(score).toBeLessThanOrEqual(1);
    }

    await call('mapping.decide', { rowId: suggested.id, decision: 'reject' });
    const after = present((await call('mapping.suggestions', { flowId: demoFlow.id })).find((s) => s.target === suggested.targetPath), 'its suggestion afterwards');
    expect(after.candidates.map((c) => c.source)).not.toContain(suggested.sourcePaths[0]);

    await expect(call('mapping.suggestions', { flowId: 999999 })).rejects.toThrow(/FLOW_NOT_FOUND/);
    expect(await refused('mapping.suggestions', { flowId: 'x' })).toMatchObject({ code: 'INVALID_INPUT' });
    session.close();
  });

  it('accepts above a bar only what no check shows an error on, says which it left and why, and can be asked first', async () => {
    const { session, call } = await openDemoSession();
    const flow = present((await call('flows.list')).find((f) => f.name === 'Orders to invoices'), 'the demo flow');
    const { rows } = await call('mapping.sheet', { flowId: flow.id });
    const { checks } = await call('mapping.checks', { flowId: flow.id });
    const errorRows = new Set(checks.filter((c) => c.severity === 'error' && c.rowId !== null).map((c) => c.rowId));
    const aboveBar = rows.filter((r) => r.status === 'suggested' && (r.confidence ?? 0) >= 0.5 && r.sourcePaths.length > 0);
    const withErrors = aboveBar.filter((r) => errorRows.has(r.id));
    expect(withErrors.length).toBeGreaterThan(0);

    const asked = await call('mapping.acceptAbove', { flowId: flow.id, threshold: 0.5, dryRun: true });
    expect(asked.accepted).toBe(aboveBar.length - withErrors.length);
    expect(asked.skipped.map((r) => r.mapId).sort()).toEqual(withErrors.map((r) => r.mapId).sort());
    for (const skipped of asked.skipped) expect(skipped.reasons).toEqual(checks.filter((c) => c.rowId === skipped.rowId && c.severity === 'error').map((c) => c.message));
    // A dry run writes nothing.
    expect((await call('mapping.sheet', { flowId: flow.id })).rows.map((r) => r.status)).toEqual(rows.map((r) => r.status));

    const done = await call('mapping.acceptAbove', { flowId: flow.id, threshold: 0.5 });
    expect(done.accepted).toBe(asked.accepted);
    for (const row of done.rows) {
      const before = rows.find((r) => r.id === row.id)!;
      const expected = aboveBar.includes(before) && !errorRows.has(row.id) ? 'accepted' : before.status;
      expect([row.mapId, row.status]).toEqual([row.mapId, expected]);
    }
    session.close();
  });

  it('offers the next candidate on a reject, and clears an accepted row back to unmapped', async () => {
    const { session, call } = await openDemoSession();
    const flow = present((await call('flows.list')).find((f) => f.name === 'Orders to invoices'), 'the demo flow');
    const { rows } = await call('mapping.sheet', { flowId: flow.id });
    const suggestions = await call('mapping.suggestions', { flowId: flow.id });
    const withAlternative = present(
      rows.find((row) => row.status === 'suggested' && (suggestions.find((s) => s.target === row.targetPath)?.candidates.length ?? 0) >= 2),
      'a suggested row with an alternative',
    );
    const [best, second] = suggestions.find((s) => s.target === withAlternative.targetPath)!.candidates;
    expect(withAlternative.sourcePaths.join(' + ')).toBe(best!.source);

    const rejected = await call('mapping.decide', { rowId: withAlternative.id, decision: 'reject' });
    expect(rejected).toMatchObject({ status: 'suggested', sourcePaths: second!.source.split(' + '), confidence: Number(second!.score.toFixed(10)) });
    // Rejecting every candidate in turn ends unmapped, and none comes back.
    let row = rejected;
    for (let i = 0; i < 5 && row.sourcePaths.length > 0; i++) row = await call('mapping.decide', { rowId: row.id, decision: 'reject' });
    expect(row).toMatchObject({ status: 'needs_decision', sourcePaths: [], confidence: null });

    const other = present(rows.find((r) => r.status === 'suggested' && r.id !== withAlternative.id && r.sourcePaths.length === 1), 'another suggested row');
    await call('mapping.decide', { rowId: other.id, decision: 'accept' });
    const cleared = await call('mapping.updateRow', { rowId: other.id, sourcePaths: [] });
    expect(cleared).toMatchObject({ status: 'needs_decision', sourcePaths: [] });
    const learned = session.requireWorkspace().read((db) => db.prepare("SELECT count(*) AS n FROM mapping_decision WHERE decision = 'accepted' AND target_path = ?").get(other.targetPath));
    expect(learned).toEqual({ n: 0 });
    session.close();
  });
});
