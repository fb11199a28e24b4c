// Postman collection v2.1 and environments in and out of the sandbox, through the official
// postman-collection SDK; secrets classified on import and kept out of exports unless included.
export { importCollection, importEnvironment } from './import';
export { exportCollection, exportEnvironment, COLLECTION_SCHEMA, type CollectionExport, type ExportOptions } from './export';
export type { CollectionImport, EnvironmentImport, ExportAuth, ExportRequest, ExportVariable, InterchangeRequest, InterchangeVariable } from './types';
export { exportSystemCollection, importCollectionInto, type CollectionImported } from './system-collections';
