// The suggestion engine's worker thread (see compute-candidates.ts).
import { serveJobs } from '../platform/workers/serve-jobs';
import { suggestMappings } from './suggest';
import { suggestJob } from './suggest-job';

serveJobs(suggestJob, ({ source, target, learned }) => suggestMappings(source, target, { learned }));
