import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/api/dispatch';
import { createHandlers } from '../../../src/main/api/handlers';
import { callNames } from '../../../src/shared/call-names';
import { browserSession } from '../../helpers/calls';
import { openNewSession } from '../../helpers/handlers';
import { tempDir } from '../../helpers/temp';

const sessionWithWorkspace = () => openNewSession('Orders to invoices').session;

describe('the handler table', () => {
  it.each([
    ['an unknown call', 'workspace.delete', {}, 'UNKNOWN_CALL', /no call named "workspace.delete"/],
    ['a missing field', 'workspace.open', {}, 'INVALID_INPUT', /Invalid input for workspace.open: path/],
    ['a wrong type', 'questions.update', { id: 'seven' }, 'INVALID_INPUT', /id .*expected number/],
    ['an unexpected field', 'integration.update', { name: 'x', admin: true }, 'INVALID_INPUT', /admin/],
    ['an over-long value', 'questions.add', { question: 'x'.repeat(20_001) }, 'INVALID_INPUT', /question must be at most 20000 characters/],
    ['a NUL character', 'integration.update', { name: 'Orders\u0000' }, 'INVALID_INPUT', /name must not contain NUL/],
    ['an empty name', 'integration.update', { name: '   ' }, 'INVALID_INPUT', /name must not be empty/],
    ['a value outside the enum', 'questions.update', { id: 1, status: 'done' }, 'INVALID_INPUT', /status/],
    ['not an object at all', 'questions.list', 'drop table', 'INVALID_INPUT', /expected object/],
  ])('rejects %s before any handler runs', async (_case, name, input, code, message) => {
    const session = sessionWithWorkspace();
    const handlers = createHandlers(session);
    const spies = Object.keys(handlers).map((key) => vi.spyOn(handlers, key as keyof typeof handlers));
    expect(spies).toHaveLength(callNames.length);
    const result = await dispatch(handlers, name, input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(result.ok ? '' : result.error.message).toMatch(message);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    session.close();
  });

  it('runs a valid call and returns its value', async () => {
    const session = sessionWithWorkspace();
    const handlers = createHandlers(session);
    const added = await dispatch(handlers, 'questions.add', { question: '  Who approves credit notes?  ', owner: 'Finance' });
    expect(added).toMatchObject({ ok: true, value: { id: 1, question: 'Who approves credit notes?', kind: 'question', status: 'open' } });
    const listed = await dispatch(handlers, 'questions.list', {});
    expect(listed).toMatchObject({ ok: true, value: [{ question: 'Who approves credit notes?', owner: 'Finance' }] });
    session.close();
  });

  it('passes on a problem the analyst can fix in their own words', async () => {
    const session = browserSession(tempDir());
    const result = await dispatch(createHandlers(session), 'systems.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'NO_WORKSPACE', message: 'No workspace is open: open or create one in Workspaces first.' } });
  });

  it('hides the details of an internal failure from the caller and writes them to the log it names', async () => {
    const session = sessionWithWorkspace();
    const handlers = createHandlers(session);
    handlers['questions.list'] = () => {
      throw new Error('SQLITE_IOERR at /home/analyst/secret-path');
    };
    const { log } = session.services;
    const result = await dispatch(handlers, 'questions.list', {}, { log });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: `Crosswalk failed while running questions.list; the details are in its log (${log.file}). Your saved work is unchanged.` },
    });
    expect(JSON.stringify(result)).not.toContain('secret-path');
    const written = fs.readFileSync(log.file, 'utf8');
    expect(written).toContain('ERROR Call questions.list failed');
    expect(written).toContain('SQLITE_IOERR at /home/analyst/secret-path');
    session.close();
  });

  it('reports a call that only the desktop can serve', async () => {
    const session = sessionWithWorkspace();
    const result = await dispatch(createHandlers(session), 'workspace.choosePath', { purpose: 'open' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE', message: expect.stringMatching(/desktop app/) } });
    session.close();
  });
});
