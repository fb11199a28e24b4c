// The desktop app runs its worker kinds from the build (out/main/<name>.worker.js), not from the
// sources the other tests use: each built entry must start on its own (no Electron, no tsx) and answer a job.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { expect, test } from '@playwright/test';

const outMain = path.resolve(__dirname, '../../../out/main');

function runBuilt(name: string, request: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(outMain, name));
    worker.on('error', reject);
    worker.on('message', (message: { type: string; value?: unknown; message?: string }) => {
      if (message.type === 'ready') worker.postMessage({ type: 'job', id: 1, request });
      else {
        void worker.terminate();
        if (message.type === 'done') resolve(message.value);
        else reject(new Error(message.message));
      }
    });
  });
}

test('the built validation worker validates a document', async () => {
  const document = { openapi: '3.0.3', info: { title: 'Orders', version: '1' }, paths: { '/orders': { get: { responses: {} } } } };
  expect(await runBuilt('validation.worker.js', { input: { text: JSON.stringify(document) }, mode: 'schema', maxErrors: 10 })).toEqual({
    valid: false,
    errors: [{ message: 'must NOT have fewer than 1 properties', path: '/paths/~1orders/get/responses' }],
    errorCount: 1,
  });
});

test('the built suggestion worker suggests a mapping', async () => {
  const field = (name: string) => ({ path: name, name, depth: 0, type: 'string', nullable: false, readOnly: false, writeOnly: false, deprecated: false, required: false, leaf: true });
  const entity = (name: string, fields: string[]) => ({ id: `schema:${name}`, kind: 'schema', name, pointer: '#', fields: fields.map(field), usedBy: [] });
  const answer = (await runBuilt('suggest.worker.js', {
    source: entity('Customer', ['email_address', 'family_name']),
    target: entity('Contact', ['email', 'lastName']),
    learned: { accepted: [], rejected: [] },
  })) as Array<{ target: string; candidates: Array<{ source: string }> }>;
  expect(answer.map(({ target, candidates }) => [target, candidates[0]?.source])).toEqual([
    ['email', 'email_address'],
    ['lastName', 'family_name'],
  ]);
});
