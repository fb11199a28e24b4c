// The reading worker's thread (see read-document.ts).
import { serveJobs } from '../../platform/workers/serve-jobs';
import { readDocument } from './read-document';
import { readDocumentJob } from './read-document-job';

serveJobs(readDocumentJob, readDocument);
