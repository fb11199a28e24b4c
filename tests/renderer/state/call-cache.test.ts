import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { callCache } from '../../../src/renderer/src/state/call-cache';
import { createQueryClient } from '../../../src/renderer/src/state/query-client';
import { callKey } from '../../../src/renderer/src/state/query-keys';

const workspace = '/w/a.crosswalk';
const invalidated = (client: QueryClient, key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated ?? false;

describe('the cache a write updates', () => {
  it('replaces an answer, or changes it in place only when there is one', () => {
    const client = new QueryClient();
    const cache = callCache(client, workspace);
    cache.update('questions.list', {}, (list) => [...list, list[0]!]);
    expect(cache.get('questions.list', {})).toBeUndefined();
    cache.set('changeLog.list', {}, []);
    cache.update('changeLog.list', {}, (list) => [...list, { id: 1, at: '2025-01-01', version: '0.1', author: '', summary: 'First' }]);
    expect(client.getQueryData(callKey(workspace, 'changeLog.list', {}))).toHaveLength(1);
  });

  it('invalidates the answers named, in its own workspace only', () => {
    const client = new QueryClient();
    const keys = {
      flow1: callKey(workspace, 'flows.get', { id: 1 }),
      flow2: callKey(workspace, 'flows.get', { id: 2 }),
      flows: callKey(workspace, 'flows.list', {}),
      other: callKey('/w/b.crosswalk', 'flows.get', { id: 1 }),
    };
    for (const key of Object.values(keys)) client.setQueryData(key, {});
    callCache(client, workspace).invalidate('flows.get', { id: 2 });
    expect(Object.entries(keys).filter(([, key]) => invalidated(client, key)).map(([name]) => name)).toEqual(['flow2']);
    callCache(client, workspace).invalidateAll();
    expect(Object.entries(keys).filter(([, key]) => invalidated(client, key)).map(([name]) => name)).toEqual(['flow1', 'flow2', 'flows']);
  });
});

describe('the query client', () => {
  it('asks main whatever the network says, and shows a refusal at once', () => {
    const { queries, mutations } = createQueryClient().getDefaultOptions();
    expect(queries).toMatchObject({ networkMode: 'always', retry: false, refetchOnWindowFocus: false, gcTime: Infinity });
    expect(mutations).toMatchObject({ networkMode: 'always', retry: false });
  });
});
