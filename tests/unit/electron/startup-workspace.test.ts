import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { integrationNameFor, startupWorkspace, workspaceArgument } from '../../../src/main/electron/startup-workspace';

describe('workspaceArgument', () => {
  it('finds the file after the app path when run as `electron <app> <file>`', () => {
    expect(workspaceArgument(['/x/electron', '.', 'orders.crosswalk'], true)).toBe('orders.crosswalk');
    expect(workspaceArgument(['/x/electron', '.'], true)).toBeUndefined();
  });

  it('skips Chromium and inspector switches, as Playwright passes them', () => {
    expect(workspaceArgument(['/x/electron', '--inspect=0', '--remote-debugging-port=0', '/repo/out/main/index.js'], true)).toBeUndefined();
    expect(workspaceArgument(['/x/electron', '--no-sandbox', '.', '--lang=en', 'a.crosswalk'], true)).toBe('a.crosswalk');
  });

  it('takes the first positional argument in a packaged app', () => {
    expect(workspaceArgument(['/opt/Crosswalk/crosswalk', 'a.crosswalk'], false)).toBe('a.crosswalk');
    expect(workspaceArgument(['/opt/Crosswalk/crosswalk'], false)).toBeUndefined();
  });
});

describe('startupWorkspace', () => {
  const base = { env: {}, cwd: '/home/ana', recent: [], exists: () => true, argument: undefined };

  it('prefers the command line, then CROSSWALK_WORKSPACE, then the last recent that exists, then the demo', () => {
    expect(startupWorkspace({ ...base, argument: 'a.crosswalk', env: { CROSSWALK_WORKSPACE: '/b.crosswalk' } })).toEqual({
      kind: 'file',
      path: path.resolve('/home/ana', 'a.crosswalk'),
      reason: 'argument',
    });
    expect(startupWorkspace({ ...base, env: { CROSSWALK_WORKSPACE: 'b.crosswalk' } })).toEqual({
      kind: 'file',
      path: path.resolve('/home/ana', 'b.crosswalk'),
      reason: 'environment',
    });
    const recent = [{ path: '/gone.crosswalk' }, { path: '/here.crosswalk' }];
    expect(startupWorkspace({ ...base, recent, exists: (file) => file === '/here.crosswalk' })).toEqual({
      kind: 'file',
      path: '/here.crosswalk',
      reason: 'recent',
    });
    expect(startupWorkspace({ ...base, recent, exists: () => false })).toEqual({ kind: 'demo' });
    expect(startupWorkspace({ ...base, env: { CROSSWALK_WORKSPACE: '  ' } })).toEqual({ kind: 'demo' });
  });
});

describe('integrationNameFor', () => {
  it('names a new integration after its file', () => {
    expect(integrationNameFor('/x/orders-to_invoices.crosswalk')).toBe('orders to invoices');
    expect(integrationNameFor('/x/---.crosswalk')).toBe('New integration');
  });
});
