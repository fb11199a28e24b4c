import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDemoSession } from '../../helpers/handlers';
import { present } from '../../helpers/narrow';

const openSession = () => openDemoSession({ files: ['a.crosswalk', 'b.crosswalk'] });

describe('spec export and workbook review through the handler table', () => {
  it('exports all three formats and reads an unedited workbook back as no changes', async () => {
    const { dir, call } = await openSession();
    for (const format of ['xlsx', 'json', 'md'] as const) {
      const file = path.join(dir, `spec.${format}`);
      expect(await call('spec.export', { format, path: file })).toEqual({ path: file, bytes: fs.statSync(file).size });
    }
    const report = await call('spec.previewWorkbook', { path: path.join(dir, 'spec.xlsx') });
    expect(report).toMatchObject({ file: path.join(dir, 'spec.xlsx'), changes: [], unreadable: [] });
    expect(report.exportId).toEqual(expect.any(String));
    expect(await call('spec.applyWorkbook', { previewId: report.previewId, changeIds: [] })).toEqual({ applied: 0, skipped: 0 });
  });

  it('hands each format over as a download, and a downloaded workbook reads back as no changes', async () => {
    const { dir, call } = await openSession();
    const workbook = await call('spec.download', { format: 'xlsx' });
    expect(workbook).toMatchObject({ fileName: 'a-spec.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const bytes = Buffer.from(workbook.content, 'base64');
    expect(bytes.length).toBe(workbook.bytes);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const saved = path.join(dir, 'downloaded.xlsx');
    fs.writeFileSync(saved, bytes);
    expect(await call('spec.previewWorkbook', { path: saved })).toMatchObject({ changes: [], unreadable: [] });
    const json = await call('spec.download', { format: 'json' });
    expect(JSON.parse(Buffer.from(json.content, 'base64').toString('utf8'))).toMatchObject({ format: 'crosswalk-spec' });
    expect(fs.readdirSync(process.env.TMPDIR ?? '/tmp').filter((name) => name.startsWith('crosswalk-download-'))).toEqual([]);
  });

  it('refuses to apply a preview made in another workspace', async () => {
    const { dir, files, session, call, raw } = await openSession();
    const file = path.join(dir, 'spec.xlsx');
    await call('spec.export', { format: 'xlsx', path: file });
    const report = await call('spec.previewWorkbook', { path: file });
    await session.open(files[1]!);
    const result = await raw('spec.applyWorkbook', { previewId: report.previewId, changeIds: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'PREVIEW_EXPIRED' } });
  });

  it('says what is wrong with a file that is not a workbook, and writes nothing', async () => {
    const { dir, raw, call } = await openSession();
    const file = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(file, 'not a zip');
    const before = await call('changeLog.list');
    const result = await raw('spec.previewWorkbook', { path: file });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toMatch(/notes\.xlsx/);
    expect(await call('changeLog.list')).toEqual(before);
  });
});

describe('flows.update', () => {
  it('links a flow to a use case, sets its trigger and replaces its outcomes in one call', async () => {
    const { call, raw } = await openSession();
    const flow = present((await call('flows.list'))[0], 'a demo flow');
    const useCase = await call('useCases.add', { title: 'Nightly catch-up' });
    const updated = await call('flows.update', {
      id: flow.id,
      useCaseId: useCase.id,
      trigger: { kind: 'schedule', detail: 'Every night at 02:00 UTC' },
      outcomes: [{ kind: 'failure', condition: '422 Unprocessable', handling: 'Park the record, report it in the morning mail' }],
    });
    expect(updated).toMatchObject({ useCaseId: useCase.id, useCase: 'Nightly catch-up', trigger: { kind: 'schedule', detail: 'Every night at 02:00 UTC' } });
    expect(updated.outcomes.map((outcome) => [outcome.kind, outcome.condition])).toEqual([['failure', '422 Unprocessable']]);
    expect(present((await call('useCases.list')).find((item) => item.id === useCase.id), 'the use case').flows).toEqual([flow.name]);

    expect(await call('flows.update', { id: flow.id, useCaseId: null })).toMatchObject({ useCaseId: null, useCase: null });
    const other = present((await call('flows.list'))[1], 'a second demo flow');
    expect(await raw('flows.update', { id: flow.id, name: other.name })).toMatchObject({ ok: false, error: { code: 'FLOW_EXISTS' } });
    expect(await raw('flows.update', { id: flow.id, useCaseId: 999, trigger: { kind: 'manual' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The refused call changed nothing, not even the trigger it carried.
    expect((await call('flows.get', { id: flow.id })).trigger.kind).toBe('schedule');
  });
});

describe('export paths', () => {
  it('says so when the folder is a file', async () => {
    const { dir, raw } = await openSession();
    fs.writeFileSync(path.join(dir, 'plain'), '');
    for (const format of ['xlsx', 'json', 'md']) {
      const result = await raw('spec.export', { format, path: path.join(dir, 'plain', `spec.${format}`) });
      expect(result).toMatchObject({ ok: false, error: { code: 'EXPORT_FOLDER_MISSING' } });
    }
  });
});
