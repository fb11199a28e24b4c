// The suggestion engine's worker thread (see compute-candidates.ts): answers one job and is stopped.
// Protocol: the main thread posts { source, target, learned } once; the worker answers once with
// { suggestions } or { failure: message }.
import { parentPort } from 'node:worker_threads';
import type { CatalogueEntity } from '../../shared/catalogue';
import { suggestMappings, type SuggestOptions } from './suggest';

interface Job {
  source: CatalogueEntity;
  target: CatalogueEntity;
  learned: SuggestOptions['learned'];
}

parentPort?.once('message', (job: Job) => {
  let answer: { suggestions: ReturnType<typeof suggestMappings> } | { failure: string };
  try {
    answer = { suggestions: suggestMappings(job.source, job.target, { learned: job.learned }) };
  } catch (error) {
    answer = { failure: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
