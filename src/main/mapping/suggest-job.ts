import type { CatalogueEntity } from '../../shared/catalogue';
import { defineWorkerKind } from '../platform/workers/worker-kind';
import type { LearnedDecisions, TargetSuggestion } from './suggest';

export interface SuggestJob {
  source: CatalogueEntity;
  target: CatalogueEntity;
  learned: LearnedDecisions;
}

/** The suggestion engine in a worker thread (suggest.worker.ts), for flows too big to compute inline. */
export const suggestJob = defineWorkerKind<SuggestJob, TargetSuggestion[]>({ entry: 'mapping/suggest.worker', label: 'The suggestion engine' });
