// The workspace schema's steps, in order: one file each (NNNN-name.ts), SQL or a code step.
import { specHierarchy } from './0001-spec-hierarchy';
import { systemDocuments } from './0002-system-documents';
import { mappingIdsAndDecisions } from './0003-mapping-ids-and-decisions';
import { specificationRecords } from './0004-specification-records';
import { openapiVersionNames } from './0005-openapi-version-names';
import { workspaceIdAndSecrets } from './0006-secrets';
import { sandbox } from './0007-sandbox';
import { redactStoredDocuments } from './0008-redact-stored-documents';
import { samples } from './0009-samples';
import { flowRootsAndDeletedFlows } from './0010-flow-roots-and-deleted-flows';
import { arrayPairings } from './0011-array-pairings';
import { executableMappings } from './0012-executable-mappings';
import { rootedPairingPaths } from './0013-rooted-pairing-paths';
import { lighterHistoryWrites } from './0014-lighter-history-writes';
import { historyWithoutSystemIndex } from './0015-history-without-system-index';
import type { Migration } from './migration';

export type { CodeMigration, Migration, SqlMigration } from './migration';
export { checksumOf } from './migration';

export const migrations: readonly Migration[] = [
  specHierarchy,
  systemDocuments,
  mappingIdsAndDecisions,
  specificationRecords,
  openapiVersionNames,
  workspaceIdAndSecrets,
  sandbox,
  redactStoredDocuments,
  samples,
  flowRootsAndDeletedFlows,
  arrayPairings,
  executableMappings,
  rootedPairingPaths,
  lighterHistoryWrites,
  historyWithoutSystemIndex,
];

export const latestVersion = (all: readonly Migration[]) => all.at(-1)?.version ?? 0;

export const LATEST_SCHEMA_VERSION = latestVersion(migrations);
