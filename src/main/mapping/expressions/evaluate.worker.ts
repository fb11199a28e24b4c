// The mapping expressions' worker thread (see evaluate-job.ts): jsonata and nothing else. Code made from
// text is refused here (the Function constructor is taken away from every function once jsonata is
// loaded), so no expression can reach this thread's process object, even through a jsonata flaw.
import { serveJobs } from '../../platform/workers/serve-jobs';
import { evaluatePayloads } from './evaluate';
import { evaluateJob } from './evaluate-job';

for (const fn of [function () {}, async function () {}, function* () {}, async function* () {}]) {
  Object.defineProperty(Object.getPrototypeOf(fn), 'constructor', { value: undefined, writable: false, configurable: false });
}

serveJobs(evaluateJob, ({ units, payloads, progress, rowByRow }) => {
  const slots = new Int32Array(progress);
  const mark = (payloadIndex: number, unitIndex: number) => {
    Atomics.store(slots, 0, payloadIndex);
    Atomics.store(slots, 1, unitIndex);
  };
  return evaluatePayloads(units, payloads, mark, { rowByRow });
});
