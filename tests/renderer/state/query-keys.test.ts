import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { callKey, callPrefix, workspaceKey } from '../../../src/renderer/src/state/query-keys';

/** The keys a client holds that a filter key names, as invalidateQueries and removeQueries pick them. */
function matched(keys: ReadonlyArray<readonly unknown[]>, filter: readonly unknown[]) {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, 'answer');
  return client
    .getQueryCache()
    .findAll({ queryKey: filter })
    .map((query) => query.queryKey);
}

describe('query keys', () => {
  const flow1 = callKey('/w/a.crosswalk', 'mapping.sheet', { flowId: 1 });
  const flow2 = callKey('/w/a.crosswalk', 'mapping.sheet', { flowId: 2 });
  const checks1 = callKey('/w/a.crosswalk', 'mapping.checks', { flowId: 1 });
  const flows = callKey('/w/a.crosswalk', 'flows.list', {});
  const elsewhere = callKey('/w/b.crosswalk', 'mapping.sheet', { flowId: 1 });
  const all = [flow1, flow2, checks1, flows, elsewhere];

  it('start with the workspace, then the call and its input', () => {
    expect(flow1).toEqual(['/w/a.crosswalk', 'mapping.sheet', { flowId: 1 }]);
    expect(flows).toEqual(['/w/a.crosswalk', 'flows.list', {}]);
  });

  it('never match another workspace', () => {
    expect(matched(all, workspaceKey('/w/a.crosswalk'))).toEqual([flow1, flow2, checks1, flows]);
    expect(matched(all, workspaceKey('/w/b.crosswalk'))).toEqual([elsewhere]);
  });

  it('name every answer of a call, or those of one input', () => {
    expect(matched(all, callPrefix('/w/a.crosswalk', 'mapping.sheet'))).toEqual([flow1, flow2]);
    expect(matched(all, callPrefix('/w/a.crosswalk', 'mapping.sheet', { flowId: 2 }))).toEqual([flow2]);
    expect(matched(all, callPrefix('/w/a.crosswalk', 'mapping.checks', { flowId: 2 }))).toEqual([]);
  });

  it('match an input by the values given, and a revision after it', () => {
    const catalogue = [...callKey('/w/a.crosswalk', 'systems.catalogue', { id: 3 }), '2025-01-02T00:00:00Z'];
    const entity = callKey('/w/a.crosswalk', 'systems.entity', { id: 3, entity: 'schema:Order' });
    expect(matched([catalogue, entity], callPrefix('/w/a.crosswalk', 'systems.catalogue', { id: 3 }))).toEqual([catalogue]);
    expect(matched([catalogue, entity], callPrefix('/w/a.crosswalk', 'systems.entity', { id: 3 }))).toEqual([entity]);
  });
});
