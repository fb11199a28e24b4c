// The worker runner: one warm worker per kind, a worker of its own for a job that finds it busy, time
// bounds counted from ready, cancellation and memory bounds that end in the worker's exit, and errors
// that name the work that failed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerJobError, WorkerRunner } from '../../../src/main/platform/workers/runner';
import { testJob } from '../../fixtures/workers/test-job';

const runners: WorkerRunner[] = [];
const newRunner = () => {
  const runner = new WorkerRunner();
  runners.push(runner);
  return runner;
};
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stopAll()));
});

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('the job should have failed'), (error: unknown) => error as WorkerJobError);

/** Resolves once no worker of the runner is busy any more and the ones left are exactly `count`. */
async function settled(runner: WorkerRunner, count: number) {
  for (let i = 0; i < 200 && (runner.workers().length !== count || runner.workers().some((worker) => worker.busy)); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return runner.workers();
}

describe('the worker runner', () => {
  it('keeps one warm worker per kind: jobs one after the other run on the same thread', async () => {
    const runner = newRunner();
    const first = await runner.run(testJob, { do: 'echo', value: 'a' });
    const second = await runner.run(testJob, { do: 'echo', value: 'b' });
    expect(first.value).toBe('a');
    expect(second).toEqual({ threadId: first.threadId, value: 'b' });
    expect(await settled(runner, 1)).toEqual([{ entry: testJob.entry, threadId: first.threadId, busy: false }]);
  });

  it('gives a job that finds the warm worker busy a worker of its own, stopped once it answered', async () => {
    const runner = newRunner();
    const [a, b] = await Promise.all([runner.run(testJob, { do: 'echo', value: 'a' }), runner.run(testJob, { do: 'echo', value: 'b' })]);
    expect(a.threadId).not.toBe(b.threadId);
    expect((await settled(runner, 1)).map((worker) => worker.threadId)).toEqual([expect.any(Number)]);
  });

  it('stops a job that never yields at its time bound, names it, and the worker exits', async () => {
    const runner = newRunner();
    const { threadId } = await runner.run(testJob, { do: 'echo' });
    const error = await failure(runner.run(testJob, { do: 'spin' }, { timeoutMs: 200 }));
    expect(error).toBeInstanceOf(WorkerJobError);
    expect(error.reason).toBe('timeout');
    expect(error.message).toBe('The test job was stopped after 200 ms, its time limit.');
    const left = await settled(runner, 0);
    expect(left.map((worker) => worker.threadId)).not.toContain(threadId);
    // The next job starts a fresh worker.
    expect((await runner.run(testJob, { do: 'echo', value: 'again' })).value).toBe('again');
  });

  it('cancels a running job: the worker exits and the caller hears it was cancelled', async () => {
    const runner = newRunner();
    await runner.run(testJob, { do: 'echo' });
    const cancel = new AbortController();
    const running = failure(runner.run(testJob, { do: 'spin' }, { signal: cancel.signal }));
    expect(runner.workers()).toEqual([expect.objectContaining({ busy: true })]);
    cancel.abort();
    const error = await running;
    expect([error.reason, error.message]).toEqual(['cancelled', 'The test job was cancelled.']);
    expect(await settled(runner, 0)).toEqual([]);
  });

  it('refuses a job whose signal is already aborted without starting anything', async () => {
    const runner = newRunner();
    await expect(runner.run(testJob, { do: 'echo' }, { signal: AbortSignal.abort() })).rejects.toThrow();
    expect(runner.workers()).toEqual([]);
  });

  it('ends a job that exhausts its memory bound with a message naming the bound', async () => {
    const runner = newRunner();
    const error = await failure(runner.run(testJob, { do: 'hoard' }));
    expect(error.reason).toBe('out-of-memory');
    expect(error.message).toBe('The test job ran out of memory (its limit is 32 MB).');
  });

  it('passes a failure in the job on with its message, and keeps the worker for the next job', async () => {
    const runner = newRunner();
    const { threadId } = await runner.run(testJob, { do: 'echo' });
    const error = await failure(runner.run(testJob, { do: 'fail', value: 'reason X' }));
    expect([error.reason, error.message]).toEqual(['failed', 'The test job failed: asked to fail with reason X']);
    expect((await runner.run(testJob, { do: 'echo' })).threadId).toBe(threadId);
  });

  it('does not keep the process alive with its warm worker (a command line ends when its work does)', () => {
    const script = `require(${JSON.stringify(require.resolve('tsx/cjs'))});
      const { WorkerRunner } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/main/platform/workers/runner.ts'))});
      const { testJob } = require(${JSON.stringify(path.resolve(__dirname, '../../fixtures/workers/test-job.ts'))});
      const runner = new WorkerRunner(); runner.warm(testJob);
      runner.run(testJob, { do: 'echo', value: 'done' }).then((answer) => console.log(answer.value));`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 15_000 });
    expect([child.status, child.stdout.trim()]).toEqual([0, 'done']);
  });
});
