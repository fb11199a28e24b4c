// Validation's worker thread (see validation.ts).
import { serveJobs } from '../../platform/workers/serve-jobs';
import { validateDocument } from './validate-document';
import { validationJob } from './validation-job';

serveJobs(validationJob, validateDocument);
